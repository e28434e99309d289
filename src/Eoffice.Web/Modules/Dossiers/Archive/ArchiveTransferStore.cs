using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>A document of a transferred dossier as the outputs and the package list it: its ordinal in the dossier and its archival record.</summary>
public sealed record TransferDocument(int Ordinal, DossierItem Item, ArchivalDocument? Record);

/// <summary>A dossier of a transfer with its documents in order.</summary>
public sealed record TransferDossier(int Ordinal, Dossier Dossier, IReadOnlyList<TransferDocument> Documents);

/// <summary>
/// A transfer with everything its outputs and package need: its dossiers in order, their documents' archival records
/// (through <see cref="IDocumentAccess.ArchivalRecordsAsync"/>, never the documents' tables) and the stored files' sizes.
/// </summary>
public sealed record TransferContents(ArchiveTransfer Taken, string AgencyName, string UnitName, IReadOnlyList<TransferDossier> Dossiers,
    IReadOnlyDictionary<Guid, StoredFile> Files)
{
    public int DocumentCount => Dossiers.Sum(d => d.Documents.Count);

    public int FileCount => Dossiers.Sum(d => d.Documents.Sum(x => x.Record?.Files.Count ?? 0));

    public long Bytes => Dossiers.Sum(d => d.Documents.Sum(x => x.Record?.Files.Sum(f => Files.TryGetValue(f.FileId, out var s) ? s.Length : 0) ?? 0));

    /// <summary>Thời gian của tài liệu: the first start and the last end of the dossiers.</summary>
    public (DateOnly? From, DateOnly? To) Span =>
        Dossiers.Count == 0 ? (null, null) : (Dossiers.Min(d => d.Dossier.StartDate), Dossiers.Max(d => d.Dossier.EndDate ?? d.Dossier.StartDate));
}

/// <summary>
/// What the archive use cases share: the records keeper (agency-wide <see cref="DossiersPermissions.ManageArchive"/>,
/// else 403), the agency's transfers (another agency's id: 404), their contents, the response and the audited commit.
/// </summary>
public sealed class ArchiveTransferStore(DossierStore dossiers, FileStore files)
{
    public const string NotFoundMessage = "Không tìm thấy lần nộp lưu.";

    public DossierStore Dossiers => dossiers;

    public FileStore Files => files;

    public async Task<ArchiveTransfer> LoadAsync(DossierViewer keeper, Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = dossiers.UnitOfWork.Db.Set<ArchiveTransfer>().Include(t => t.Dossiers).Where(t => t.AgencyId == keeper.AgencyId);
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw RuleException.NotFound(NotFoundMessage);
    }

    /// <summary>The dossiers of the transfer, with their items, in the transfer's order.</summary>
    public async Task<IReadOnlyList<Dossier>> DossiersOfAsync(ArchiveTransfer transfer, bool tracking, CancellationToken cancellationToken)
    {
        var ids = transfer.Dossiers.Select(d => d.DossierId).ToList();
        var query = dossiers.UnitOfWork.Db.Set<Dossier>().Include(d => d.Items).Where(d => d.AgencyId == transfer.AgencyId && ids.Contains(d.Id)).AsSplitQuery();
        var found = await (tracking ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        var order = transfer.Dossiers.ToDictionary(d => d.DossierId, d => d.Ordinal);
        return found.OrderBy(d => order[d.Id]).ToList();
    }

    public async Task<TransferContents> ContentsAsync(ArchiveTransfer transfer, CancellationToken cancellationToken)
    {
        var list = await DossiersOfAsync(transfer, tracking: false, cancellationToken);
        var items = list.SelectMany(d => d.Items).ToList();
        var records = new Dictionary<(string, Guid), ArchivalDocument>();
        foreach (var group in items.GroupBy(i => i.Kind))
        {
            var kind = group.Key == FiledItemKinds.Incoming ? DocumentKinds.Incoming : DocumentKinds.Outgoing;
            foreach (var record in await dossiers.Documents.ArchivalRecordsAsync(transfer.AgencyId, kind, group.Select(i => i.ItemId).ToList(), cancellationToken))
            {
                records[(group.Key, record.Id)] = record;
            }
        }

        var fileIds = records.Values.SelectMany(r => r.Files.Select(f => f.FileId)).Distinct().ToList();
        var stored = await dossiers.UnitOfWork.Db.Set<StoredFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var agency = await dossiers.Organization.FindAgencyAsync(transfer.AgencyId, cancellationToken);
        var unit = await dossiers.Organization.FindUnitAsync(transfer.UnitId, cancellationToken);
        var shown = list.Select((d, n) => new TransferDossier(n + 1, d, d.Items.OrderBy(i => i.Ordinal)
            .Select(i => new TransferDocument(i.Ordinal, i, records.GetValueOrDefault((i.Kind, i.ItemId)))).ToList())).ToList();
        return new TransferContents(transfer, agency?.FullName ?? "", unit?.Name ?? "", shown, stored);
    }

    public async Task<ArchiveTransferResponse> ResponseAsync(ArchiveTransfer transfer, CancellationToken cancellationToken)
    {
        var contents = await ContentsAsync(transfer, cancellationToken);
        var (from, to) = contents.Span;
        return new ArchiveTransferResponse(transfer.Id, transfer.UnitId, contents.UnitName, transfer.DeliveredByName, transfer.Note, ArchiveTransferCodes.Of(transfer.Status),
            ArchiveTransferCodes.NameOf(transfer.Status), transfer.CreatedAt, transfer.CreatedByName, transfer.CompletedAt, transfer.CompletedByName,
            contents.Dossiers.Count, contents.DocumentCount, contents.FileCount, contents.Bytes, from, to,
            contents.Dossiers.Select(d => new ArchiveTransferResponse.Row(d.Ordinal, d.Dossier.Id, d.Dossier.FileCode, d.Dossier.Notation, d.Dossier.Title,
                d.Dossier.StartDate, d.Dossier.EndDate, d.Dossier.Retention.Text, d.Documents.Count, d.Dossier.PageTotal)).ToList());
    }

    public Task CommitAsync(ArchiveTransfer transfer, string action, string details, CancellationToken cancellationToken) =>
        dossiers.UnitOfWork.CommitAsync(new AuditEvent($"dossiers.transfer.{action}", "archive-transfer", transfer.Id.ToString(), Details: details), cancellationToken);
}

public static class ArchiveTransferCodes
{
    public static string Of(ArchiveTransferStatus status) => status == ArchiveTransferStatus.Completed ? "completed" : "draft";

    public static string NameOf(ArchiveTransferStatus status) => status == ArchiveTransferStatus.Completed ? "Đã giao nhận" : "Đang lập";
}

/// <summary>A transfer to the archive: the unit, who delivers and receives, its state, totals (dossiers, documents, files, bytes, time span) and its dossiers.</summary>
public sealed record ArchiveTransferResponse(
    Guid Id,
    Guid UnitId,
    string UnitName,
    string DeliveredByName,
    string? Note,
    string Status,
    string StatusName,
    DateTime CreatedAt,
    string CreatedByName,
    DateTime? CompletedAt,
    string? CompletedByName,
    int DossierCount,
    int DocumentCount,
    int FileCount,
    long Bytes,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<ArchiveTransferResponse.Row> Dossiers)
{
    public sealed record Row(int Ordinal, Guid Id, string FileCode, string Notation, string Title, DateOnly StartDate, DateOnly? EndDate, string RetentionText,
        int DocTotal, int? PageTotal);
}

public static class ArchiveEndpoints
{
    /// <summary>What an endpoint of the records keeper declares: the archive permission, 400, 403 (no agency-wide grant), 404, 409.</summary>
    public static RouteHandlerBuilder AsArchiveAction(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.For(DossiersPermissions.ManageArchive))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(name)
            .WithSummary(summary);
}
