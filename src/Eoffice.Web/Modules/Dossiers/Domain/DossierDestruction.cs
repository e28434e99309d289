namespace Eoffice.Web.Modules.Dossiers.Domain;

/// <summary>
/// Tiêu hủy (Decree 30 Art. 31; ADR 0031): the council's decision — its number, date, who signed it and the council's
/// members — recorded with the list of dossiers it destroyed. Each destroyed dossier keeps its row as a tombstone (what:
/// its code and title; when; by this decision); their content links are removed.
/// </summary>
public sealed class DossierDestruction
{
    public const int NumberMaxLength = 50;
    public const int NameMaxLength = 200;
    public const int CouncilMaxLength = 2000;

    private readonly List<DestroyedDossier> dossiers = [];

    private DossierDestruction()
    {
        DecisionNumber = DecidedByName = Council = RecordedByName = string.Empty;
    }

    public DossierDestruction(Guid agencyId, string decisionNumber, DateOnly decisionDate, string decidedByName, string council, Guid recordedById,
        string recordedByName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
        DecidedByName = decidedByName;
        Council = council;
        RecordedById = recordedById;
        RecordedByName = recordedByName.Length > NameMaxLength ? recordedByName[..NameMaxLength] : recordedByName;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>Số quyết định tiêu hủy.</summary>
    public string DecisionNumber { get; private set; }

    public DateOnly DecisionDate { get; private set; }

    /// <summary>Who signed the decision (the agency's head).</summary>
    public string DecidedByName { get; private set; }

    /// <summary>Hội đồng xác định giá trị tài liệu: its members and what it concluded, as typed.</summary>
    public string Council { get; private set; }

    public Guid RecordedById { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public IReadOnlyList<DestroyedDossier> Dossiers => dossiers;

    /// <summary>Destroys <paramref name="dossier"/> under this decision, keeping its line in the list.</summary>
    public void Destroy(Dossier dossier, DateOnly today, DateTime now)
    {
        var removed = dossier.Destroy(Id, today, now);
        dossiers.Add(new DestroyedDossier(Id, dossier.Id, dossiers.Count + 1, dossier.FileCode, dossier.Title, dossier.Retention.Text, removed.Count));
    }
}

/// <summary>One line of a destruction's list: the dossier as it was (code, title, retention, how many documents it held).</summary>
public sealed class DestroyedDossier
{
    public const int FileCodeMaxLength = 80;

    private DestroyedDossier()
    {
        FileCode = Title = RetentionText = string.Empty;
    }

    internal DestroyedDossier(Guid destructionId, Guid dossierId, int ordinal, string fileCode, string title, string retentionText, int documentCount)
    {
        DestructionId = destructionId;
        DossierId = dossierId;
        Ordinal = ordinal;
        FileCode = fileCode.Length > FileCodeMaxLength ? fileCode[..FileCodeMaxLength] : fileCode;
        Title = title;
        RetentionText = retentionText;
        DocumentCount = documentCount;
    }

    public Guid DestructionId { get; private set; }

    public Guid DossierId { get; private set; }

    public int Ordinal { get; private set; }

    public string FileCode { get; private set; }

    public string Title { get; private set; }

    public string RetentionText { get; private set; }

    public int DocumentCount { get; private set; }
}
