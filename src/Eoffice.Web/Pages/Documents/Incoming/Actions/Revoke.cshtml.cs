using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Thu hồi / phân công lại: take back what one sent, optionally giving it to someone else in the same step.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class RevokeModel(IncomingAccessControl access, EofficeDbContext db, RevokeAssignment revoke, ReassignAssignment reassign, RoutingPolicy routing)
    : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public Guid? AssignmentId { get; set; }

        public string? Reason { get; set; }

        /// <summary>"person:{id}" or "unit:{id}" to give it to instead; empty to only take it back.</summary>
        public string? NewRecipient { get; set; }

        public string? Role { get; set; }

        public int? Days { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Assignment> Revocable { get; private set; } = [];

    public IReadOnlyList<RecipientGroup> Groups { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Revocable = Document.Assignments.Where(a => a.Status.IsActive() && RevokeAssignment.SenderActor(Viewer, a) is not null).OrderByDescending(a => a.SentAt).ToList();
        if (Revocable.Count > 0)
        {
            Groups = (await routing.ChoicesAsync(Viewer.AgencyId, Revocable[0].SenderId, cancellationToken)).Groups;
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parts = Input.NewRecipient?.Split(':', 2);
        if (parts is { Length: 2 } && Guid.TryParse(parts[1], out var target))
        {
            var t = new ForwardIncoming.Target(parts[0] == RoutingPolicy.PersonKind ? target : null, parts[0] == RoutingPolicy.UnitKind ? target : null,
                Input.Role ?? "lead", null, Input.Days);
            return RunAsync(ct => reassign.HandleAsync(Id, new ReassignAssignment.Request(Input.AssignmentId, Input.Reason, null, [t]), ct),
                "Đã thu hồi và phân công lại.", cancellationToken);
        }

        return RunAsync(ct => revoke.HandleAsync(Id, new RevokeAssignment.Request(Input.AssignmentId, Input.Reason), ct), "Đã thu hồi văn bản.", cancellationToken);
    }
}
