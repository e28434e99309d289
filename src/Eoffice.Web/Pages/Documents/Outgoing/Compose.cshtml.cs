using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing;

/// <summary>
/// /van-ban-di/soan: a new draft, from scratch, as the answer to incoming documents (<c>?traLoi={id}</c>, repeatable:
/// the subject is taken from the first), or as the replacement (<c>?thayThe={id}</c>) or correction
/// (<c>?dinhChinh={id}</c>) of an issued document, whose content it starts from. Documents the viewer may not see: 404.
/// </summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class ComposeModel(CreateOutgoing handler, IncomingAccessControl incoming, OutgoingAccessControl access, EofficeDbContext db,
    IAccessScopes scopes, IPeopleDirectory people, IOrganizationDirectory organization) : OutgoingFormPage(access, db, scopes, people, organization)
{
    [BindProperty]
    public CreateOutgoing.Request Input { get; set; } = new();

    public override OutgoingInput Draft => Input.Draft;

    /// <summary>The incoming documents answered ("Văn bản đến số 12/2026: …").</summary>
    public IReadOnlyList<string> Answering { get; private set; } = [];

    /// <summary>The issued document replaced or corrected, as "12/SGTVT-KCHT: subject".</summary>
    public string? Starting { get; private set; }

    public string Title => Input.Replaces is not null ? "Soạn văn bản thay thế" : Input.Corrects is not null ? "Soạn văn bản đính chính" : Input.ReplyTo.Count > 0 ? "Soạn văn bản trả lời" : "Soạn văn bản đi";

    private IncomingDocument? firstAnswered;
    private OutgoingDocument? startingFrom;

    public Task OnGetAsync([FromQuery(Name = "traLoi")] List<Guid>? traLoi, [FromQuery(Name = "thayThe")] Guid? thayThe, [FromQuery(Name = "dinhChinh")] Guid? dinhChinh,
        CancellationToken cancellationToken)
    {
        Input.ReplyTo = [.. (traLoi ?? []).Distinct()];
        Input.Replaces = thayThe;
        Input.Corrects = thayThe is null ? dinhChinh : null;
        return ShowAsync(() =>
        {
            Input.Draft.Copies = 1;
            Input.Draft.SigningAuthority = "none";
            if (startingFrom is not null)
            {
                // The replacement starts from the issued content; its files are the new draft's own uploads.
                Input.Draft = OutgoingInput.From(startingFrom);
                Input.Draft.MainFileId = null;
                Input.Draft.AnnexFileIds = [];
                Prefill(Input.Draft);
            }
            else if (firstAnswered is not null)
            {
                Input.Draft.Document.Subject = firstAnswered.Metadata.Subject;
                Input.Draft.Addressees = firstAnswered.Metadata.IssuingOrganName;
            }
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Complete();
        var created = await handler.HandleAsync(Input, cancellationToken);
        TempData["Message"] = "Đã lưu dự thảo.";
        return Redirect(OutgoingHandling.Link(created.Id));
    }

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        var answering = new List<string>();
        foreach (var id in Input.ReplyTo)
        {
            var document = await incoming.LoadAsync(id, cancellationToken);
            firstAnswered ??= document;
            answering.Add($"Văn bản đến số {document.ArrivalNumber}/{document.Year} ({DocumentMetadata.CodeAndOrgan(document.CodeText, document.Metadata.IssuingOrganName)}): {document.Metadata.Subject}");
        }

        Answering = answering;
        if ((Input.Replaces ?? Input.Corrects) is { } issued)
        {
            startingFrom = await Access.LoadAsync(issued, cancellationToken);
            if (startingFrom.Status != OutgoingStatus.Issued)
            {
                throw RuleException.Conflict("Chỉ thay thế hoặc đính chính văn bản đã phát hành.");
            }

            Starting = $"{startingFrom.CodeText}: {startingFrom.Metadata.Subject}";
        }
    }
}
