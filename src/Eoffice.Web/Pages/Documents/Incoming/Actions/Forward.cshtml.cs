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
/// and a deadline: a searchable picker grouped by unit, where the page proposes each chosen recipient's deadline as the
/// recipients' query says (<see cref="GetIncomingRecipients"/>). A support due after the lead comes back as a warning
/// to confirm.
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

        public bool ConfirmWarnings { get; set; }

        public ForwardIncoming.Request ToRequest() => new(AssignmentId, Instruction, Chosen
            .Select(r => new ForwardIncoming.Target(r.Kind == RoutingPolicy.PersonKind ? r.Id : null, r.Kind == RoutingPolicy.UnitKind ? r.Id : null, r.Role,
                r.DueDate, r.DueDate is null ? r.Days : null))
            .ToList(), ConfirmWarnings);

        /// <summary>The rows given a role.</summary>
        public IEnumerable<Row> Chosen => Rows.Where(r => !string.IsNullOrEmpty(r.Role));

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public GetIncomingRecipients.Response? Choices { get; private set; }

    public string? NoChoices { get; private set; }

    public IReadOnlyList<ForwardIncoming.Warning> Warnings { get; private set; } = [];

    /// <summary>More candidates than this: the people of each unit start folded away (a search or a click opens them).</summary>
    public const int FoldPeopleAbove = 12;

    /// <summary>What was chosen for a candidate in the form that came back (a warning, an error), to show it again.</summary>
    public Row? ChosenFor(RecipientOption option) => Input.Chosen.FirstOrDefault(r => r.Kind == option.Kind && r.Id == option.Id);

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
        // A confirmation applies to the warnings shown; a new attempt asks again.
        Input.ConfirmWarnings = false;
        ModelState.Remove("Input.ConfirmWarnings");
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
        var outcome = await handler.HandleAsync(Id, Input.ToRequest(), cancellationToken);
        if (outcome.Forwarded is not null)
        {
            return Done("Đã chuyển văn bản.");
        }

        Warnings = outcome.Warnings;
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }
}
