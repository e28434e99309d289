using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Dossiers.Domain;

/// <summary>Where a dossier is: open (documents are filed into it) or closed (locked).</summary>
public enum DossierStatus
{
    /// <summary>Đang lập: documents are filed, fields edited.</summary>
    Open = 0,

    /// <summary>Đã kết thúc: locked; only its unit's leader reopens it, with a reason.</summary>
    Closed = 1,

    /// <summary>Đã nộp lưu: handed to the agency archive in a completed transfer; read-only for everyone.</summary>
    Transferred = 2,

    /// <summary>Đã tiêu hủy: its retention passed and a council decided its destruction; only the tombstone is left.</summary>
    Destroyed = 3,
}

/// <summary>
/// Hồ sơ công việc (Decree 30 Art. 28–31; Phụ lục VI Part II.III; regulation 000 Điều 7; ADR 0031): opened by a person
/// of a unit from an approved file-plan entry (its code, title, retention and unit copied) or outside the plan; holds
/// references to documents filed without copying (<see cref="DossierItem"/>), numbered in the order of their dates; one
/// level of sub-dossiers. Closing locks it; reopening is for its unit's leader with a reason.
/// </summary>
public sealed class Dossier
{
    public const int OrganIdMaxLength = 35;
    public const int NotationMaxLength = 20;
    public const int TitleMaxLength = 500;
    public const int MaintenanceMaxLength = 30;
    public const int RightsMaxLength = 30;
    public const int CreatorMaxLength = 30;
    public const int LanguageMaxLength = 50;
    public const int DescriptionMaxLength = 500;
    public const int KeywordsMaxLength = 500;
    public const int PhysicalStateMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int NameMaxLength = 200;

    private readonly List<DossierItem> items = [];
    private readonly List<DossierGrant> grants = [];

    private Dossier()
    {
        OrganId = Notation = Title = Creator = Language = Rights = string.Empty;
    }

    public Dossier(Guid agencyId, string organId, int year, DossierContent content, Guid? filePlanEntryId, Guid? parentId, Guid ownerId, string ownerName,
        Guid unitId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        OrganId = organId.Length > OrganIdMaxLength ? organId[..OrganIdMaxLength] : organId;
        Year = year;
        FilePlanEntryId = filePlanEntryId;
        ParentId = parentId;
        OwnerId = ownerId;
        Creator = ownerName.Length > CreatorMaxLength ? ownerName[..CreatorMaxLength] : ownerName;
        UnitId = unitId;
        Status = DossierStatus.Open;
        CreatedAt = UpdatedAt = now;
        Notation = Title = Language = Rights = string.Empty;
        Apply(content);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>1.1 OrganId: the agency's electronic identifier (mã định danh).</summary>
    public string OrganId { get; private set; }

    /// <summary>1.2 FileCatalog: the year the dossier is formed.</summary>
    public int Year { get; private set; }

    /// <summary>1.3 FileNotation: "01.TCCB" from the plan, or the symbol given outside the plan.</summary>
    public string Notation { get; private set; }

    /// <summary>2 Title.</summary>
    public string Title { get; private set; }

    /// <summary>3 Maintenance: years to keep; null: permanent.</summary>
    public int? RetentionYears { get; private set; }

    /// <summary>Whether the retention was confirmed (re-checked) for closing (Art. 29: "xem xét lại thời hạn bảo quản").</summary>
    public bool RetentionConfirmed { get; private set; }

    /// <summary>4 Rights: chế độ sử dụng ("Công khai", "Hạn chế"…).</summary>
    public string Rights { get; private set; }

    /// <summary>5 Creator: who formed the dossier (the person's name).</summary>
    public string Creator { get; private set; }

    /// <summary>6 Language.</summary>
    public string Language { get; private set; }

    /// <summary>7 StartDate.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>8 EndDate: set when closed (or given).</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>10 PageTotal: number of sheets/pages as counted by the owner.</summary>
    public int? PageTotal { get; private set; }

    /// <summary>11 Description (notes).</summary>
    public string? Description { get; private set; }

    public string? Keywords { get; private set; }

    /// <summary>Tình trạng vật lý (for the paper part, if any).</summary>
    public string? PhysicalState { get; private set; }

    public Guid? FilePlanEntryId { get; private set; }

    /// <summary>The parent dossier (one level of sub-dossiers).</summary>
    public Guid? ParentId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid UnitId { get; private set; }

    public DossierStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? ClosedByName { get; private set; }

    public string? ReopenReason { get; private set; }

    public DateTime? ReopenedAt { get; private set; }

    public string? ReopenedByName { get; private set; }

    public int Version { get; private set; }

    /// <summary>Hồ sơ xây dựng cơ bản: transferred within 3 months of the work's end (final settlement), not a year.</summary>
    public bool ConstructionRecords { get; private set; }

    /// <summary>Giữ lại: the agency's head let the unit keep the dossier until this day (at most 2 years past its due date).</summary>
    public DateOnly? KeepBackUntil { get; private set; }

    public string? KeepBackReason { get; private set; }

    public string? KeepBackApprovedByName { get; private set; }

    public DateTime? KeepBackApprovedAt { get; private set; }

    /// <summary>The day the records keepers were told the transfer is 30 days away (once per dossier).</summary>
    public DateOnly? TransferAlertedOn { get; private set; }

    /// <summary>The archive transfer that took the dossier (set when the transfer completes).</summary>
    public Guid? ArchiveTransferId { get; private set; }

    public DateTime? TransferredAt { get; private set; }

    /// <summary>The destruction decision that destroyed the dossier (the tombstone keeps what, when and by whose decision).</summary>
    public Guid? DestructionId { get; private set; }

    public DateTime? DestroyedAt { get; private set; }

    public IReadOnlyList<DossierItem> Items => items;

    public IReadOnlyList<DossierGrant> Grants => grants;

    public RetentionPeriod Retention => RetentionPeriod.FromStored(RetentionYears);

    public string FileCode => $"{OrganId}.{Year}.{Notation}";

    public const string TransferredMessage = "Hồ sơ đã nộp lưu vào lưu trữ cơ quan, chỉ được xem, không được sửa.";
    public const string DestroyedMessage = "Hồ sơ đã bị tiêu hủy, không còn tài liệu để thao tác.";

    public BrokenRule? CanEdit() => CanChange() ?? (Status == DossierStatus.Open ? null : BrokenRule.Conflict("Hồ sơ đã kết thúc (khóa), không sửa hay lưu thêm văn bản được."));

    /// <summary>Any change at all (grants, keep-back, reopening): refused once transferred (read-only) or destroyed.</summary>
    public BrokenRule? CanChange() => Status switch
    {
        DossierStatus.Transferred => BrokenRule.Conflict(TransferredMessage),
        DossierStatus.Destroyed => BrokenRule.Conflict(DestroyedMessage),
        _ => null,
    };

    public BrokenRule? CanClose() =>
        CanChange() is { } broken ? broken
        : Status != DossierStatus.Open ? BrokenRule.Conflict("Hồ sơ đã kết thúc.")
        : items.Count == 0 ? BrokenRule.Invalid("Hồ sơ chưa có văn bản nào, không kết thúc được.")
        : !RetentionConfirmed ? BrokenRule.Invalid("Cần xác nhận lại thời hạn bảo quản trước khi kết thúc hồ sơ.", "retentionConfirmed")
        : null;

    public BrokenRule? CanReopen() => CanChange() ?? (Status == DossierStatus.Closed ? null : BrokenRule.Conflict("Hồ sơ đang mở."));

    public void Change(DossierContent content, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        Apply(content);
        Touch(now);
    }

    /// <summary>Files an item (without copying it); already there: nothing changes. Ordinals follow the items' dates.</summary>
    public DossierItem? File(DossierItemRef item, Guid byId, string byName, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        if (items.Any(i => i.Kind == item.Kind && i.ItemId == item.ItemId))
        {
            return null;
        }

        var filed = new DossierItem(Id, item, byId, byName, now);
        items.Add(filed);
        Renumber();
        Touch(now);
        return filed;
    }

    public DossierItem Unfile(Guid itemRowId, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var item = items.SingleOrDefault(i => i.Id == itemRowId) ?? throw RuleException.NotFound("Văn bản không có trong hồ sơ.");
        items.Remove(item);
        Renumber();
        Touch(now);
        return item;
    }

    public void Close(bool retentionConfirmed, string byName, DateTime now)
    {
        if (retentionConfirmed)
        {
            RetentionConfirmed = true;
        }

        CanClose().ThrowIfBroken();
        Status = DossierStatus.Closed;
        EndDate ??= items.Max(i => i.Date);
        ClosedAt = now;
        ClosedByName = byName;
        Touch(now);
    }

    public void Reopen(string reason, string byName, DateTime now)
    {
        CanReopen().ThrowIfBroken();
        Status = DossierStatus.Open;
        ReopenReason = reason;
        ReopenedAt = now;
        ReopenedByName = byName;
        ClosedAt = null;
        ClosedByName = null;
        Touch(now);
    }

    public DossierGrant Grant(DossierGrantKind kind, Guid principalId, DateTime now)
    {
        CanChange().ThrowIfBroken();
        if (grants.FirstOrDefault(g => g.Kind == kind && g.PrincipalId == principalId) is { } existing)
        {
            return existing;
        }

        var grant = new DossierGrant(Id, kind, principalId, now);
        grants.Add(grant);
        Touch(now);
        return grant;
    }

    public void Revoke(Guid grantId, DateTime now)
    {
        CanChange().ThrowIfBroken();
        var grant = grants.SingleOrDefault(g => g.Id == grantId) ?? throw RuleException.NotFound("Không tìm thấy quyền truy cập.");
        grants.Remove(grant);
        Touch(now);
    }

    /// <summary>Whether the dossier must go to the agency archive (retention of 5 years or more, "Vĩnh viễn" included).</summary>
    public bool MustBeTransferred => ArchiveRules.MustBeTransferred(Retention);

    /// <summary>The last day of its transfer (before any keep-back): a year after the work ended, 3 months for construction records.</summary>
    public DateOnly? TransferDueBase => EndDate is { } end ? ArchiveRules.TransferDue(end, ConstructionRecords) : null;

    /// <summary>The day the retention runs out (<c>null</c>: permanent or not ended).</summary>
    public DateOnly? ExpiresOn => EndDate is { } end && RetentionYears is { } years ? end.AddYears(years) : null;

    public BrokenRule? CanKeepBack(DateOnly until)
    {
        if (CanChange() is { } broken)
        {
            return broken;
        }

        if (Status != DossierStatus.Closed || TransferDueBase is not { } due)
        {
            return BrokenRule.Conflict("Chỉ giữ lại được hồ sơ đã kết thúc.");
        }

        if (!MustBeTransferred)
        {
            return BrokenRule.Conflict("Hồ sơ có thời hạn bảo quản dưới 5 năm không phải nộp lưu.");
        }

        return until <= due || until > due.AddYears(ArchiveRules.MaxKeepBackYears)
            ? BrokenRule.Invalid($"Thời hạn giữ lại phải sau hạn nộp lưu ({due:dd/MM/yyyy}) và không quá {ArchiveRules.MaxKeepBackYears} năm (đến {due.AddYears(ArchiveRules.MaxKeepBackYears):dd/MM/yyyy}).", "until")
            : null;
    }

    /// <summary>Giữ lại hồ sơ đến hạn nộp lưu, with the agency head's approval (at most 2 years).</summary>
    public void KeepBack(DateOnly until, string reason, string approvedByName, DateTime now)
    {
        CanKeepBack(until).ThrowIfBroken();
        KeepBackUntil = until;
        KeepBackReason = reason;
        KeepBackApprovedByName = approvedByName;
        KeepBackApprovedAt = now;
        TransferAlertedOn = null;
        Touch(now);
    }

    /// <summary>Whether it may go into a transfer to the archive: closed, to be transferred, not already taken.</summary>
    public BrokenRule? CanBeTransferred() =>
        CanChange() ?? (Status != DossierStatus.Closed ? BrokenRule.Conflict($"Hồ sơ {Notation} chưa kết thúc, chưa nộp lưu được.")
            : !MustBeTransferred ? BrokenRule.Conflict($"Hồ sơ {Notation} có thời hạn bảo quản dưới 5 năm, không nộp lưu.")
            : null);

    internal void MarkTransferred(Guid archiveTransferId, DateTime now)
    {
        CanBeTransferred().ThrowIfBroken();
        Status = DossierStatus.Transferred;
        ArchiveTransferId = archiveTransferId;
        TransferredAt = now;
        Touch(now);
    }

    public void MarkTransferAlerted(DateOnly today) => TransferAlertedOn = today;

    /// <summary>Whether the retention passed on <paramref name="today"/> so that a council may decide its destruction.</summary>
    public BrokenRule? CanBeDestroyed(DateOnly today) =>
        Status == DossierStatus.Destroyed ? BrokenRule.Conflict($"Hồ sơ {Notation} đã bị tiêu hủy.")
        : Status == DossierStatus.Open ? BrokenRule.Conflict($"Hồ sơ {Notation} đang mở, không tiêu hủy được.")
        : Retention.IsPermanent ? BrokenRule.Conflict($"Hồ sơ {Notation} bảo quản vĩnh viễn, không được tiêu hủy.")
        : ExpiresOn is not { } expires || expires > today ? BrokenRule.Conflict($"Hồ sơ {Notation} chưa hết thời hạn bảo quản.")
        : null;

    /// <summary>Destroys the dossier by a council's decision: its content links go, the row stays as the tombstone.</summary>
    internal IReadOnlyList<DossierItem> Destroy(Guid destructionId, DateOnly today, DateTime now)
    {
        CanBeDestroyed(today).ThrowIfBroken();
        var removed = items.ToList();
        items.Clear();
        Status = DossierStatus.Destroyed;
        DestructionId = destructionId;
        DestroyedAt = now;
        Touch(now);
        return removed;
    }

    /// <summary>Bàn giao: an open dossier goes to the departing owner's successor (the creator's name, field 5, stays as history).</summary>
    public void HandOver(Guid toUserId, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        OwnerId = toUserId;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Apply(DossierContent content)
    {
        Notation = content.Notation;
        Title = content.Title;
        RetentionYears = content.Retention.Years;
        RetentionConfirmed = content.RetentionConfirmed;
        Rights = content.Rights;
        Language = content.Language;
        StartDate = content.StartDate;
        EndDate = content.EndDate;
        PageTotal = content.PageTotal;
        Description = content.Description;
        Keywords = content.Keywords;
        PhysicalState = content.PhysicalState;
        ConstructionRecords = content.ConstructionRecords;
    }

    /// <summary>2 DocOrdinal: 1, 2, … in the order of the documents' dates, then of their filing.</summary>
    private void Renumber()
    {
        var ordinal = 0;
        foreach (var item in items.OrderBy(i => i.Date).ThenBy(i => i.FiledAt).ThenBy(i => i.Id))
        {
            item.Number(++ordinal);
        }
    }
}

/// <summary>The fields of a dossier its owner writes.</summary>
public sealed record DossierContent(
    string Notation,
    string Title,
    RetentionPeriod Retention,
    bool RetentionConfirmed,
    string Rights,
    string Language,
    DateOnly StartDate,
    DateOnly? EndDate,
    int? PageTotal,
    string? Description,
    string? Keywords,
    string? PhysicalState,
    bool ConstructionRecords = false);

/// <summary>A document as filed: its kind ("incoming", "outgoing"), id, and what the dossier lists of it.</summary>
public sealed record DossierItemRef(string Kind, Guid ItemId, string Title, string? Code, DateOnly Date);

/// <summary>One document filed in a dossier, by reference (no copy): kind and id, its title, code and date, who filed it, its ordinal.</summary>
public sealed class DossierItem
{
    public const int KindMaxLength = 20;
    public const int TitleMaxLength = 500;
    public const int CodeMaxLength = 60;

    private DossierItem()
    {
        Kind = Title = FiledByName = string.Empty;
    }

    internal DossierItem(Guid dossierId, DossierItemRef item, Guid byId, string byName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DossierId = dossierId;
        Kind = item.Kind;
        ItemId = item.ItemId;
        Title = item.Title.Length > TitleMaxLength ? item.Title[..TitleMaxLength] : item.Title;
        Code = item.Code is { Length: > CodeMaxLength } c ? c[..CodeMaxLength] : item.Code;
        Date = item.Date;
        FiledAt = now;
        FiledById = byId;
        FiledByName = byName.Length > Dossier.NameMaxLength ? byName[..Dossier.NameMaxLength] : byName;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string Kind { get; private set; }

    public Guid ItemId { get; private set; }

    public string Title { get; private set; }

    public string? Code { get; private set; }

    public DateOnly Date { get; private set; }

    public int Ordinal { get; private set; }

    public DateTime FiledAt { get; private set; }

    public Guid FiledById { get; private set; }

    public string FiledByName { get; private set; }

    internal void Number(int ordinal) => Ordinal = ordinal;
}

public enum DossierGrantKind
{
    Person = 0,
    Unit = 1,
}

/// <summary>An explicit grant: a person or a unit (its members) who may see the dossier and file into it.</summary>
public sealed class DossierGrant
{
    private DossierGrant()
    {
    }

    internal DossierGrant(Guid dossierId, DossierGrantKind kind, Guid principalId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DossierId = dossierId;
        Kind = kind;
        PrincipalId = principalId;
        GrantedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public DossierGrantKind Kind { get; private set; }

    public Guid PrincipalId { get; private set; }

    public DateTime GrantedAt { get; private set; }
}
