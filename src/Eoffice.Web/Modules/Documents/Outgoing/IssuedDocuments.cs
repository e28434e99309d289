using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// <see cref="IIssuedDocuments"/>: the issued document's metadata, its external recipients and the files sent — the
/// issued electronic original and its annexes for a digitally signed document, else the signed copy and the annexes, as
/// internal delivery sends them.
/// </summary>
public sealed class IssuedDocuments(EofficeDbContext db, OutgoingAccessControl access) : IIssuedDocuments
{
    public async Task<IssuedDocument?> IssuedAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var d = await db.Set<OutgoingDocument>().AsNoTracking().Include(o => o.Recipients).Include(o => o.Versions).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == documentId, cancellationToken);
        if (d is null || d.IssuedAt is null || d.Metadata.IssuedDate is not { } issuedOn)
        {
            return null;
        }

        var files = FilesOf(d);
        var recipients = d.Recipients.Where(r => r.Kind == RecipientKind.Organ).OrderBy(r => r.SortOrder)
            .Select(r => new IssuedRecipient(r.Id, r.Name, r.OrganCode, r.Channel == DeliveryChannel.Exchange, r.Channel == DeliveryChannel.Email)).ToList();
        var competence = SigningAuthorities.Prefix(d.Authority);
        return new IssuedDocument(d.Id, d.AgencyId, d.Metadata.TypeCode, d.Metadata.TypeName, d.Metadata.CodeNumber, d.Metadata.CodeNotation, issuedOn, d.Metadata.Subject,
            d.Metadata.Urgency, competence.Length == 0 ? null : competence, d.Metadata.SignerPosition, d.Metadata.SignerFullName, d.Metadata.DueDate,
            d.Metadata.PageAmount, d.IssuedById, recipients, files, d.ReplacesId, d.WithdrawnAt is null ? null : d.WithdrawReason ?? "");
    }

    /// <summary>
    /// The files of the document as sent: the issued electronic original and its annexes, else the signed copy and the
    /// annexes; <paramref name="draftIfUnsigned"/>: a document never signed gives its current draft's main file and annexes.
    /// </summary>
    internal static List<IssuedFile> FilesOf(OutgoingDocument d, bool draftIfUnsigned = false)
    {
        var files = new List<IssuedFile>();
        if (d.IssuedFileId is { } issued)
        {
            files.Add(new IssuedFile(issued, d.IssuedFileName ?? "van-ban.pdf", true));
            files.AddRange(d.IssuedAnnexes.Select(a => new IssuedFile(a.FileId, a.FileName, false)));
            return files;
        }

        if (d.SignedFileId is { } signed)
        {
            files.Add(new IssuedFile(signed, d.SignedFileName ?? "van-ban.pdf", true));
        }
        else if (draftIfUnsigned && d.CurrentVersion.MainFileId is { } main)
        {
            files.Add(new IssuedFile(main, d.CurrentVersion.MainFileName ?? "du-thao", true));
        }

        files.AddRange(d.CurrentVersion.Annexes.Select(a => new IssuedFile(a.FileId, a.FileName, files.Count == 0)));
        return files;
    }

    public Task<bool> CanSeeAsync(Guid documentId, CancellationToken cancellationToken) => access.CanSeeAsync(documentId, cancellationToken);

    public async Task<bool> CanManageAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var registerId = await access.Visible(viewer).Where(d => d.Id == documentId && d.IssuedAt != null).Select(d => (Guid?)d.RegisterId)
            .FirstOrDefaultAsync(cancellationToken);
        return registerId is { } id && viewer.Keeps(id);
    }
}
