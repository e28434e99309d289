using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Eoffice.UnitTests.Platform.Web;

public sealed class RuleAnswerTests
{
    [Theory]
    [InlineData(RuleKind.Invalid, 400)]
    [InlineData(RuleKind.Conflict, 409)]
    [InlineData(RuleKind.Forbidden, 403)]
    [InlineData(RuleKind.NotFound, 404)]
    public void Each_kind_of_broken_rule_has_one_http_status(RuleKind kind, int status) =>
        Assert.Equal(status, ProblemDetailsSetup.StatusOf(kind));

    [Theory]
    [InlineData("subject", "Input", "Input.Subject")]
    [InlineData("document.signerFullName", "Input", "Input.Document.SignerFullName")]
    [InlineData("backEntry.handledOn", "Input", "Input.BackEntry.HandledOn")]
    [InlineData("reason", "Cancel", "Cancel.Reason")]
    [InlineData("", "Input", "")]
    public void A_request_field_lands_beside_the_form_field_of_the_same_path(string apiField, string prefix, string formField) =>
        Assert.Equal(formField, ModelStateExtensions.FieldOf(apiField, prefix));

    [Fact]
    public void A_rule_without_a_field_is_shown_above_the_form()
    {
        var state = new ModelStateDictionary();

        state.AddRuleError(RuleException.Conflict("Văn bản vừa được người khác xử lý."));
        state.AddRuleError(RuleException.Invalid("Vui lòng nhập trích yếu.", "document.subject"));

        Assert.Equal("Văn bản vừa được người khác xử lý.", Assert.Single(state[string.Empty]!.Errors).ErrorMessage);
        Assert.Equal("Vui lòng nhập trích yếu.", Assert.Single(state["Input.Document.Subject"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void A_broken_rule_thrown_keeps_its_kind_and_field()
    {
        BrokenRule? allowed = null;
        allowed.ThrowIfBroken();

        var error = Assert.Throws<RuleException>(() => BrokenRule.Invalid("Hạn xử lý đã qua.", "targets").ThrowIfBroken());

        Assert.Equal((RuleKind.Invalid, "targets", "Hạn xử lý đã qua."), (error.Kind, error.Field, error.Message));
    }
}
