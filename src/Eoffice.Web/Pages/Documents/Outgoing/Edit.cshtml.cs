using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing;

/// <summary>/van-ban-di/{id}/sua: the drafter (or the holder of the current step) edits the draft with a reason: a new version.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class EditModel(ReviseOutgoing handler, OutgoingAccessControl access, EofficeDbContext db, IAccessScopes scopes, IPeopleDirectory people,
    IOrganizationDirectory organization) : OutgoingFormPage(access, db, scopes, people, organization)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReviseOutgoing.Request Input { get; set; } = new();

    public override OutgoingInput Draft => Input.Draft;

    public OutgoingDocument Document { get; private set; } = null!;

    protected override IReadOnlyCollection<Guid> FilesOnDocument =>
        [.. Document.Versions.SelectMany(v => v.Annexes.Select(a => a.FileId).Concat(new[] { v.MainFileId }.OfType<Guid>()))];

    public Task OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(() =>
        {
            Input.Draft = OutgoingInput.From(Document);
            Prefill(Input.Draft);
        }, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Complete();
        var revised = await handler.HandleAsync(Id, Input, cancellationToken);
        TempData["Message"] = $"Đã lưu phiên bản {revised.Version}.";
        return Redirect(OutgoingHandling.Link(Id));
    }

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Document = await Access.LoadAsync(Id, cancellationToken);
        Document.CanRevise(Viewer).ThrowIfBroken();
    }
}
