using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>Who asks: their unit, and whether they oversee every dossier of the agency (its leaders).</summary>
public sealed record DossierViewer(Guid UserId, Guid AgencyId, string Name, Guid? UnitId, bool Oversees)
{
    public bool Owns(Dossier dossier) => dossier.OwnerId == UserId;
}

/// <summary>
/// What the dossier use cases share: the viewer, the dossiers they may see — its creator, the members of its unit, the
/// agency's leaders (<see cref="DossiersPermissions.OverseeDossiers"/>, agency-wide), people and units granted — (anyone
/// else: 404), the documents' own access for the items shown, the commit with its audit entry.
/// </summary>
public sealed class DossierStore(UnitOfWork unitOfWork, ICurrentUser currentUser, IAccessScopes scopes, IPeopleDirectory people,
    IOrganizationDirectory organization, IDocumentAccess documents, WorkingDayCalendar calendar, TimeProvider time)
{
    public const string NotFoundMessage = "Không tìm thấy hồ sơ.";

    private DossierViewer? viewer;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    public UnitOfWork UnitOfWork => unitOfWork;

    public IOrganizationDirectory Organization => organization;

    public IPeopleDirectory People => people;

    public IAccessScopes Scopes => scopes;

    public IDocumentAccess Documents => documents;

    /// <summary>The last day to transfer the dossier to the archive: its keep-back day, else its due day moved off days off; <c>null</c> when not to be transferred.</summary>
    public DateOnly? TransferDueOn(Dossier dossier) =>
        !dossier.MustBeTransferred || dossier.TransferDueBase is not { } due ? null
        : dossier.KeepBackUntil ?? (calendar.IsWorkingDay(due) ? due : calendar.NextWorkingDay(due));

    /// <summary>Whether the viewer keeps the agency's archive (agency-wide <see cref="DossiersPermissions.ManageArchive"/>).</summary>
    public Task<bool> KeepsArchiveAsync(DossierViewer v, CancellationToken cancellationToken) =>
        scopes.HasPermissionAsync(v.UserId, DossiersPermissions.ManageArchive, null, cancellationToken);

    /// <summary>The viewer as the agency's records keeper; anyone else is refused (403).</summary>
    public async Task<DossierViewer> ArchiveKeeperAsync(CancellationToken cancellationToken)
    {
        var v = await ViewerAsync(cancellationToken);
        return await KeepsArchiveAsync(v, cancellationToken) ? v
            : throw RuleException.Forbidden("Chỉ người làm lưu trữ của cơ quan (quyền cho toàn cơ quan) mới thực hiện được việc này.");
    }

    /// <summary>
    /// The viewer as one who reads the agency's due-for-transfer list: its records keeper (who draws transfers up) or its
    /// head (<see cref="DossierViewer.Oversees"/>, who approves keep-backs); anyone else is refused (403).
    /// </summary>
    public async Task<(DossierViewer Viewer, bool KeepsArchive)> ArchiveReaderAsync(CancellationToken cancellationToken)
    {
        var v = await ViewerAsync(cancellationToken);
        var keeps = await KeepsArchiveAsync(v, cancellationToken);
        return keeps || v.Oversees ? (v, keeps)
            : throw RuleException.Forbidden("Chỉ người làm lưu trữ hoặc người đứng đầu cơ quan mới xem được hồ sơ đến hạn nộp lưu.");
    }

    /// <summary>Every dossier of the viewer's agency (for the records keeper).</summary>
    public IQueryable<Dossier> OfAgency(DossierViewer v) => unitOfWork.Db.Set<Dossier>().Where(d => d.AgencyId == v.AgencyId);

    public async Task<DossierViewer> ViewerAsync(CancellationToken cancellationToken)
    {
        if (viewer is not null)
        {
            return viewer;
        }

        var userId = currentUser.Id ?? throw RuleException.NotFound(NotFoundMessage);
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound(NotFoundMessage);
        var person = await people.FindPersonAsync(userId, cancellationToken);
        viewer = new DossierViewer(userId, agencyId, currentUser.FullName ?? currentUser.UserName ?? "", person?.UnitId,
            await scopes.HasPermissionAsync(userId, DossiersPermissions.OverseeDossiers, null, cancellationToken));
        return viewer;
    }

    /// <summary>The dossiers <paramref name="v"/> may see.</summary>
    public IQueryable<Dossier> Visible(DossierViewer v)
    {
        var all = unitOfWork.Db.Set<Dossier>().Where(d => d.AgencyId == v.AgencyId);
        if (v.Oversees)
        {
            return all;
        }

        var unit = v.UnitId;
        return all.Where(d => d.OwnerId == v.UserId || (unit != null && d.UnitId == unit)
            || d.Grants.Any(g => (g.Kind == DossierGrantKind.Person && g.PrincipalId == v.UserId) || (g.Kind == DossierGrantKind.Unit && g.PrincipalId == unit)));
    }

    /// <summary>A dossier the viewer may see, with its items and grants; anyone else's is not found.</summary>
    public async Task<Dossier> LoadAsync(DossierViewer v, Guid id, CancellationToken cancellationToken, bool tracking = true, bool withItems = true)
    {
        var query = (withItems ? Visible(v).Include(d => d.Items) : Visible(v)).Include(d => d.Grants).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw RuleException.NotFound(NotFoundMessage);
    }

    /// <summary>Of the items, those whose documents the current person may open (through the documents' own access).</summary>
    public async Task<IReadOnlySet<(string Kind, Guid Id)>> OpenableAsync(IEnumerable<DossierItem> items, CancellationToken cancellationToken)
    {
        var open = new HashSet<(string, Guid)>();
        foreach (var group in items.GroupBy(i => i.Kind))
        {
            var kind = group.Key == FiledItemKinds.Incoming ? DocumentKinds.Incoming : group.Key == FiledItemKinds.Outgoing ? DocumentKinds.Outgoing : null;
            if (kind is null)
            {
                continue;
            }

            foreach (var id in await documents.OpenableAsync(kind, group.Select(i => i.ItemId).ToList(), cancellationToken))
            {
                open.Add((group.Key, id));
            }
        }

        return open;
    }

    /// <summary>Whether the viewer may reopen a closed dossier: a leader of its unit (the permission reaches that unit).</summary>
    public Task<bool> MayReopenAsync(DossierViewer v, Dossier dossier, CancellationToken cancellationToken) =>
        scopes.HasPermissionAsync(v.UserId, DossiersPermissions.ReopenDossiers, dossier.UnitId, cancellationToken);

    public Task CommitAsync(Dossier dossier, string action, string details, CancellationToken cancellationToken) =>
        unitOfWork.CommitAsync(new AuditEvent($"dossiers.dossier.{action}", "dossier", dossier.Id.ToString(),
            Details: $"Hồ sơ {dossier.Notation} \"{dossier.Title}\": {details}"), cancellationToken);

    /// <summary>The dossier as the API and the page show it, its items limited to the documents the viewer may open.</summary>
    public async Task<DossierResponse> ResponseAsync(Dossier dossier, DossierViewer v, CancellationToken cancellationToken, int page = 1,
        int pageSize = DossierResponse.ItemsPageSize)
    {
        // The documents the viewer may open, counted and paged by the database (the documents' own access composed with the
        // dossier's items into one statement): a dossier of thousands of documents opens on its first page without
        // reading them all.
        var items = unitOfWork.Db.Set<DossierItem>().AsNoTracking().Where(i => i.DossierId == dossier.Id);
        var openIncoming = await documents.OpenableQueryAsync(DocumentKinds.Incoming,
            items.Where(i => i.Kind == FiledItemKinds.Incoming).Select(i => i.ItemId), cancellationToken);
        var openOutgoing = await documents.OpenableQueryAsync(DocumentKinds.Outgoing,
            items.Where(i => i.Kind == FiledItemKinds.Outgoing).Select(i => i.ItemId), cancellationToken);
        var openable = items.Where(i => (i.Kind == FiledItemKinds.Incoming && openIncoming.Contains(i.ItemId))
            || (i.Kind == FiledItemKinds.Outgoing && openOutgoing.Contains(i.ItemId)));
        var docTotal = await openable.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, DossierResponse.MaxItemsPageSize);
        page = Math.Clamp(page, 1, Math.Max(1, (docTotal + pageSize - 1) / pageSize));
        var skipped = (page - 1) * pageSize;
        var shown = await openable.OrderBy(i => i.Ordinal).Skip(skipped).Take(pageSize).ToListAsync(cancellationToken);
        var unitName = (await organization.FindUnitAsync(dossier.UnitId, cancellationToken))?.Name;
        var grants = new List<DossierGrantResponse>();
        foreach (var g in dossier.Grants.OrderBy(g => g.GrantedAt))
        {
            var name = g.Kind == DossierGrantKind.Person
                ? (await people.FindPersonAsync(g.PrincipalId, cancellationToken))?.FullName
                : (await organization.FindUnitAsync(g.PrincipalId, cancellationToken))?.Name;
            grants.Add(new DossierGrantResponse(g.Id, g.Kind == DossierGrantKind.Person ? "person" : "unit", g.PrincipalId, name ?? ""));
        }

        var actions = new List<string>();
        var sees = true;
        if (sees && dossier.CanEdit() is null)
        {
            actions.Add(DossierResponse.FileAction);
        }

        if ((v.Owns(dossier) || v.Oversees) && dossier.Status == DossierStatus.Open)
        {
            actions.Add(DossierResponse.CloseAction);
            actions.Add(DossierResponse.GrantAction);
        }

        if (dossier.CanReopen() is null && await MayReopenAsync(v, dossier, cancellationToken))
        {
            actions.Add(DossierResponse.ReopenAction);
        }

        var handovers = await unitOfWork.Db.Set<DossierHandover>().AsNoTracking()
            .Where(h => h.AgencyId == dossier.AgencyId && h.Dossiers.Any(e => e.DossierId == dossier.Id)).OrderBy(h => h.At)
            .Select(h => new DossierHandoverResponse(h.Id, h.FromUserId, h.FromName, h.ToUserId, h.ToName, h.At,
                h.Dossiers.OrderBy(e => e.Notation).Select(e => new DossierHandoverResponse.Entry(e.DossierId, e.Notation, e.Title)).ToList()))
            .ToListAsync(cancellationToken);
        DossierTombstone? tombstone = null;
        if (dossier.DestructionId is { } destructionId)
        {
            tombstone = await unitOfWork.Db.Set<DossierDestruction>().AsNoTracking().Where(x => x.Id == destructionId)
                .Select(x => new DossierTombstone(x.Id, x.DecisionNumber, x.DecisionDate, x.DecidedByName, x.Council, dossier.DestroyedAt ?? x.RecordedAt, x.RecordedByName,
                    x.Dossiers.Where(e => e.DossierId == dossier.Id).Select(e => e.DocumentCount).FirstOrDefault()))
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (dossier.CanKeepBack(dossier.TransferDueBase?.AddDays(1) ?? Today) is null && v.Oversees)
        {
            actions.Add(DossierResponse.KeepBackAction);
        }

        return new DossierResponse(dossier.Id, dossier.FileCode, dossier.OrganId, dossier.Year, dossier.Notation, dossier.Title, dossier.Retention.IsPermanent,
            dossier.RetentionYears, dossier.Retention.Text, dossier.RetentionConfirmed, dossier.Rights, dossier.Creator, dossier.Language, dossier.StartDate,
            dossier.EndDate, docTotal, dossier.PageTotal, dossier.Description, dossier.Keywords, dossier.PhysicalState, dossier.FilePlanEntryId,
            dossier.ParentId, dossier.OwnerId, dossier.UnitId, unitName, DossierCodes.Of(dossier.Status), DossierCodes.NameOf(dossier.Status), dossier.ClosedAt,
            dossier.ClosedByName, dossier.ReopenReason, dossier.ReopenedAt, dossier.ReopenedByName, dossier.ConstructionRecords, TransferDueOn(dossier),
            dossier.KeepBackUntil, dossier.KeepBackReason, dossier.KeepBackApprovedByName, dossier.ArchiveTransferId, dossier.TransferredAt, tombstone, handovers,
            shown.Select((i, n) => new DossierItemResponse(i.Id, skipped + n + 1, i.Kind, i.ItemId, i.Title, i.Code, i.Date, i.FiledAt, i.FiledByName)).ToList(),
            grants, actions) { ItemsPage = page, ItemsPageSizeUsed = pageSize };
    }
}

public static class DossierCodes
{
    public static string Of(DossierStatus status) => status switch
    {
        DossierStatus.Closed => "closed",
        DossierStatus.Transferred => "transferred",
        DossierStatus.Destroyed => "destroyed",
        _ => "open",
    };

    public static string NameOf(DossierStatus status) => status switch
    {
        DossierStatus.Closed => "Đã kết thúc",
        DossierStatus.Transferred => "Đã nộp lưu",
        DossierStatus.Destroyed => "Đã tiêu hủy",
        _ => "Đang lập",
    };
}

public sealed record DossierItemResponse(Guid Id, int Ordinal, string Kind, Guid ItemId, string Title, string? Code, DateOnly Date, DateTime FiledAt, string FiledByName);

public sealed record DossierGrantResponse(Guid Id, string Kind, Guid PrincipalId, string Name);

/// <summary>
/// A dossier: the Phụ lục VI fields (FileCode = OrganId.FileCatalog.FileNotation, Title, Maintenance, Rights, Creator,
/// Language, StartDate, EndDate, DocTotal, PageTotal, Description) and the others kept; the documents the viewer may open
/// in time order, numbered 1… among them (DocTotal counts only those); the actions the viewer may take.
/// </summary>
public sealed record DossierResponse(
    Guid Id,
    string FileCode,
    string OrganId,
    int Year,
    string Notation,
    string Title,
    bool Permanent,
    int? RetentionYears,
    string RetentionText,
    bool RetentionConfirmed,
    string Rights,
    string Creator,
    string Language,
    DateOnly StartDate,
    DateOnly? EndDate,
    int DocTotal,
    int? PageTotal,
    string? Description,
    string? Keywords,
    string? PhysicalState,
    Guid? FilePlanEntryId,
    Guid? ParentId,
    Guid OwnerId,
    Guid UnitId,
    string? UnitName,
    string Status,
    string StatusName,
    DateTime? ClosedAt,
    string? ClosedByName,
    string? ReopenReason,
    DateTime? ReopenedAt,
    string? ReopenedByName,
    bool ConstructionRecords,
    DateOnly? TransferDueOn,
    DateOnly? KeepBackUntil,
    string? KeepBackReason,
    string? KeepBackApprovedByName,
    Guid? ArchiveTransferId,
    DateTime? TransferredAt,
    DossierTombstone? Destroyed,
    IReadOnlyList<DossierHandoverResponse> Handovers,
    IReadOnlyList<DossierItemResponse> Items,
    IReadOnlyList<DossierGrantResponse> Grants,
    IReadOnlyList<string> Actions)
{
    public const string FileAction = "file";
    public const string CloseAction = "close";
    public const string ReopenAction = "reopen";
    public const string GrantAction = "grant";
    public const string KeepBackAction = "keep-back";

    /// <summary>Documents on one page of a dossier (the page and the API), and the most an API call may ask for.</summary>
    public const int ItemsPageSize = 100;

    public const int MaxItemsPageSize = 500;

    /// <summary>Which page of the documents <see cref="Items"/> is (1…; <see cref="DocTotal"/> counts them all).</summary>
    public int ItemsPage { get; init; } = 1;

    /// <summary>How many documents a page holds.</summary>
    public int ItemsPageSizeUsed { get; init; } = ItemsPageSize;
}

/// <summary>What is left of a destroyed dossier: by which decision (number, date, signer, council), when, by whom recorded, how many documents it held.</summary>
public sealed record DossierTombstone(Guid DestructionId, string DecisionNumber, DateOnly DecisionDate, string DecidedByName, string Council, DateTime DestroyedAt,
    string RecordedByName, int DocumentCount);

/// <summary>A handover the dossier was part of: from whom, to whom, when, and every dossier it moved.</summary>
public sealed record DossierHandoverResponse(Guid Id, Guid FromUserId, string FromName, Guid ToUserId, string ToName, DateTime At,
    IReadOnlyList<DossierHandoverResponse.Entry> Dossiers)
{
    public sealed record Entry(Guid DossierId, string Notation, string Title);
}
