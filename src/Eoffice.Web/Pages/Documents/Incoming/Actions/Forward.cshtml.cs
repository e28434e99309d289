using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>
/// Chuyển xử lý: the direction (bút phê) and, for each person or unit the agency's rules let the viewer choose, a role
/// and a deadline (the agency's default number of working days is pre-filled).
/// </summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ForwardModel(IncomingAccessControl access, EofficeDbContext db, GetIncomingRecipients recipients, ForwardIncoming handler)
    : IncomingActionPage(access, db)
{
    public sealed class Row
    {
        public string? Kind { get; set; }

        public Guid Id { get; set; }

        public string? Role { get; set; }

        public int? Days { get; set; }

        public DateOnly? DueDate { get; set; }
    }

    public sealed class InputModel
    {
        public Guid? AssignmentId { get; set; }

        public string? Instruction { get; set; }

        public List<Row> Rows { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public GetIncomingRecipients.Response? Choices { get; private set; }

    public string? NoChoices { get; private set; }

    public static readonly IReadOnlyList<(string Code, string Name)> Roles =
    [
        ("", "—"),
        ("lead", IncomingNames.Name(AssignmentRole.Lead)),
        ("support", IncomingNames.Name(AssignmentRole.Support)),
        ("forInformation", IncomingNames.Name(AssignmentRole.ForInformation)),
        ("direct", "Chuyển xử lý, chỉ đạo"),
    ];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        try
        {
            Choices = await recipients.HandleAsync(Id, null, Input.AssignmentId, cancellationToken);
        }
        catch (RuleException rule)
        {
            NoChoices = rule.Message;
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var targets = Input.Rows.Where(r => !string.IsNullOrEmpty(r.Role))
            .Select(r => new ForwardIncoming.Target(r.Kind == RoutingPolicy.PersonKind ? r.Id : null, r.Kind == RoutingPolicy.UnitKind ? r.Id : null, r.Role,
                r.DueDate, r.DueDate is null ? r.Days : null))
            .ToList();
        return RunAsync(ct => handler.HandleAsync(Id, new ForwardIncoming.Request(Input.AssignmentId, Input.Instruction, targets), ct),
            "Đã chuyển văn bản.", cancellationToken);
    }
}
