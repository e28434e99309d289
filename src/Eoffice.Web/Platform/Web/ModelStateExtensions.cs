using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Eoffice.Web.Platform.Web;

/// <summary>Puts the API's field errors ("document.subject") beside the page's fields ("Input.Document.Subject").</summary>
public static class ModelStateExtensions
{
    /// <summary>The form field of a request field: each dotted segment capitalised, under <paramref name="prefix"/>.</summary>
    public static string FieldOf(string apiField, string prefix = "Input") =>
        apiField.Length == 0
            ? string.Empty
            : $"{prefix}.{string.Join('.', apiField.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]))}";

    public static void AddFieldErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(FieldOf(field, prefix), message);
            }
        }
    }

    /// <summary>A broken rule beside its field, or at the top of the form when it names none.</summary>
    public static void AddRuleError(this ModelStateDictionary modelState, RuleException rule, string prefix = "Input") =>
        modelState.AddModelError(rule.Field is null ? string.Empty : FieldOf(rule.Field, prefix), rule.Message);
}
