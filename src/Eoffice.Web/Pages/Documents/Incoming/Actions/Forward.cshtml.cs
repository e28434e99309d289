using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>
/// Chuyển xử lý: the direction (bút phê) and, for each person or unit the agency's rules let the viewer choose, a role
/// and a deadline (the agency's default number of working days is pre-filled).
/// </summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ForwardModel(IncomingAccessControl access, GetIncomingRecipients recipients, ForwardIncoming handler) : IncomingActionPage(access)
{
    /// <summary>One candidate of the form: a person or a unit; chosen when it has a role.</summary>
    public sealed class Row
    {
        public string? Kind { get; set; }

        public Guid Id { get; set; }

        public string? Role { get; set; }

        public int? Days { get; set; }

        public DateOnly? DueDate { get; set; }
    }

    /// <summary>The form as posted: every candidate row; the request is the rows given a role.</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public Guid? AssignmentId { get; set; }

        public string? Instruction { get; set; }

        public List<Row> Rows { get; set; } = [];

        public ForwardIncoming.Request ToRequest() => new(AssignmentId, Instruction, Rows.Where(r => !string.IsNullOrEmpty(r.Role))
            .Select(r => new ForwardIncoming.Target(r.Kind == RoutingPolicy.PersonKind ? r.Id : null, r.Kind == RoutingPolicy.UnitKind ? r.Id : null, r.Role,
                r.DueDate, r.DueDate is null ? r.Days : null))
            .ToList());

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public GetIncomingRecipients.Response? Choices { get; private set; }

    public string? NoChoices { get; private set; }

    public static readonly IReadOnlyList<(string Code, string Name)> Roles =
    [
        ("", "—"),
        ("lead", HandlingNames.Name(AssignmentRole.Lead)),
        ("support", HandlingNames.Name(AssignmentRole.Support)),
        ("forInformation", HandlingNames.Name(AssignmentRole.ForInformation)),
        ("direct", "Chuyển xử lý, chỉ đạo"),
    ];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        try
        {
            Choices = await recipients.HandleAsync(Id, null, Input.AssignmentId, cancellationToken);
        }
        catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
        {
            NoChoices = rule.Message;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.HandleAsync(Id, Input.ToRequest(), cancellationToken);
        return Done("Đã chuyển văn bản.");
    }
}
