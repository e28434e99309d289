using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Dossiers.Domain;

public enum ArchiveTransferStatus
{
    /// <summary>Đang lập: the records keeper gathers the dossiers and checks the outputs.</summary>
    Draft = 0,

    /// <summary>Đã giao nhận: the dossiers are the archive's, read-only.</summary>
    Completed = 1,
}

/// <summary>
/// Một lần nộp lưu (TransferToArchive; Decree 30 Art. 31, REQUIREMENTS §1.9.3–4; ADR 0031): the agency's records keeper
/// gathers closed dossiers of one unit that are to be transferred, prints the Mục lục hồ sơ nộp lưu, the Mục lục văn bản
/// trong hồ sơ and the Biên bản giao nhận, exports the package, and completes it: the dossiers become transferred and
/// read-only.
/// </summary>
public sealed class ArchiveTransfer
{
    public const int MaxDossiers = 1000;
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private readonly List<ArchiveTransferDossier> dossiers = [];

    private ArchiveTransfer()
    {
        CreatedByName = DeliveredByName = string.Empty;
    }

    public ArchiveTransfer(Guid agencyId, Guid unitId, string deliveredByName, string? note, Guid createdById, string createdByName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        UnitId = unitId;
        DeliveredByName = Cut(deliveredByName);
        Note = note;
        CreatedById = createdById;
        CreatedByName = Cut(createdByName);
        CreatedAt = UpdatedAt = now;
        Status = ArchiveTransferStatus.Draft;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>Đơn vị nộp lưu: the unit whose dossiers these are.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Người giao (of the unit), as the Biên bản giao nhận names them.</summary>
    public string DeliveredByName { get; private set; }

    public string? Note { get; private set; }

    public ArchiveTransferStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    /// <summary>Người nhận: the records keeper who drew the transfer up.</summary>
    public string CreatedByName { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? CompletedByName { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ArchiveTransferDossier> Dossiers => dossiers;

    public void Add(Dossier dossier)
    {
        if (Status != ArchiveTransferStatus.Draft)
        {
            throw RuleException.Conflict("Đã giao nhận, không thêm hồ sơ được.");
        }

        if (dossier.UnitId != UnitId)
        {
            throw RuleException.Invalid($"Hồ sơ {dossier.Notation} của đơn vị khác: mỗi lần nộp lưu là hồ sơ của một đơn vị.", "dossierIds");
        }

        dossier.CanBeTransferred().ThrowIfBroken();
        if (dossiers.Count >= MaxDossiers)
        {
            throw RuleException.Invalid($"Mỗi lần nộp lưu tối đa {MaxDossiers} hồ sơ.", "dossierIds");
        }

        if (dossiers.All(d => d.DossierId != dossier.Id))
        {
            dossiers.Add(new ArchiveTransferDossier(Id, dossier.Id, dossiers.Count + 1));
        }
    }

    /// <summary>Giao nhận xong: every dossier becomes transferred and read-only.</summary>
    public void Complete(IReadOnlyList<Dossier> taken, string byName, DateTime now)
    {
        if (Status != ArchiveTransferStatus.Draft)
        {
            throw RuleException.Conflict("Lần nộp lưu này đã giao nhận xong.");
        }

        if (dossiers.Count == 0 || taken.Count != dossiers.Count)
        {
            throw RuleException.Invalid("Lần nộp lưu chưa có hồ sơ nào.");
        }

        foreach (var dossier in taken)
        {
            dossier.MarkTransferred(Id, now);
        }

        Status = ArchiveTransferStatus.Completed;
        CompletedAt = UpdatedAt = now;
        CompletedByName = Cut(byName);
        Version++;
    }

    private static string Cut(string text) => text.Length > NameMaxLength ? text[..NameMaxLength] : text;
}

/// <summary>A dossier of a transfer, with its row number (STT) in the Mục lục hồ sơ nộp lưu.</summary>
public sealed class ArchiveTransferDossier
{
    private ArchiveTransferDossier()
    {
    }

    internal ArchiveTransferDossier(Guid archiveTransferId, Guid dossierId, int ordinal)
    {
        ArchiveTransferId = archiveTransferId;
        DossierId = dossierId;
        Ordinal = ordinal;
    }

    public Guid ArchiveTransferId { get; private set; }

    public Guid DossierId { get; private set; }

    public int Ordinal { get; private set; }
}
