namespace Eoffice.Web.Modules.Dossiers.Domain;

/// <summary>
/// Bàn giao hồ sơ (REQUIREMENTS §1.9.3; ADR 0031): when a person departs, their open dossiers go to the successor; this
/// record — from, to, when, which dossiers — shows on each of those dossiers' pages.
/// </summary>
public sealed class DossierHandover
{
    public const int NameMaxLength = 200;

    private readonly List<DossierHandoverEntry> dossiers = [];

    private DossierHandover()
    {
        FromName = ToName = string.Empty;
    }

    public DossierHandover(Guid agencyId, Guid fromUserId, string fromName, Guid toUserId, string toName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        FromUserId = fromUserId;
        FromName = fromName.Length > NameMaxLength ? fromName[..NameMaxLength] : fromName;
        ToUserId = toUserId;
        ToName = toName.Length > NameMaxLength ? toName[..NameMaxLength] : toName;
        At = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid FromUserId { get; private set; }

    public string FromName { get; private set; }

    public Guid ToUserId { get; private set; }

    public string ToName { get; private set; }

    public DateTime At { get; private set; }

    public IReadOnlyList<DossierHandoverEntry> Dossiers => dossiers;

    public void Add(Dossier dossier, DateTime now)
    {
        dossier.HandOver(ToUserId, now);
        dossiers.Add(new DossierHandoverEntry(Id, dossier.Id, dossier.Notation, dossier.Title));
    }
}

/// <summary>A dossier handed over, as it was named then.</summary>
public sealed class DossierHandoverEntry
{
    private DossierHandoverEntry()
    {
        Notation = Title = string.Empty;
    }

    internal DossierHandoverEntry(Guid handoverId, Guid dossierId, string notation, string title)
    {
        HandoverId = handoverId;
        DossierId = dossierId;
        Notation = notation;
        Title = title;
    }

    public Guid HandoverId { get; private set; }

    public Guid DossierId { get; private set; }

    public string Notation { get; private set; }

    public string Title { get; private set; }
}
