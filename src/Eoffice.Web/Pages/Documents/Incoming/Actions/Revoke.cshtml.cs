using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Thu hồi / phân công lại: take back what one sent, optionally giving it to someone else in the same step.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class RevokeModel(IncomingAccessControl access, RevokeAssignment revoke, ReassignAssignment reassign, RoutingPolicy routing)
    : IncomingActionPage(access)
{
    /// <summary>The form: what to take back, why, and — optionally — to whom to give it instead (a reassignment).</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public Guid? AssignmentId { get; set; }

        public string? Reason { get; set; }

        /// <summary>"person:{id}" or "unit:{id}" to give it to instead; empty to only take it back.</summary>
        public string? NewRecipient { get; set; }

        public string? Role { get; set; }

        public int? Days { get; set; }

        /// <summary>The new recipient, when one was chosen.</summary>
        public ForwardIncoming.Target? Target()
        {
            var parts = NewRecipient?.Split(':', 2);
            return parts is { Length: 2 } && Guid.TryParse(parts[1], out var target)
                ? new ForwardIncoming.Target(parts[0] == RoutingPolicy.PersonKind ? target : null, parts[0] == RoutingPolicy.UnitKind ? target : null,
                    Role ?? "lead", null, Days)
                : null;
        }

        public Dictionary<string, string[]> Validate() => Target() is { } t
            ? new ReassignAssignment.Request(AssignmentId, Reason, null, [t]).Validate()
            : new RevokeAssignment.Request(AssignmentId, Reason).Validate();
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Assignment> Revocable { get; private set; } = [];

    public IReadOnlyList<RecipientGroup> Groups { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Revocable = Document.Assignments.Where(a => Document.CanRevoke(Viewer, a.Id) is null).OrderByDescending(a => a.SentAt).ToList();
        if (Revocable.Count > 0)
        {
            Groups = (await routing.ChoicesAsync(Viewer.AgencyId, Revocable[0].SenderId, cancellationToken)).Groups;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Target() is { } target)
        {
            await reassign.HandleAsync(Id, new ReassignAssignment.Request(Input.AssignmentId, Input.Reason, null, [target]), cancellationToken);
            return Done("Đã thu hồi và phân công lại.");
        }

        await revoke.HandleAsync(Id, new RevokeAssignment.Request(Input.AssignmentId, Input.Reason), cancellationToken);
        return Done("Đã thu hồi văn bản.");
    }
}
