using Eoffice.Web.Platform.Rules;
namespace Eoffice.Web.Modules.Organization.Domain;

/// <summary>A position (chức vụ) in an agency: Giám đốc, Phó Giám đốc, Chánh Văn phòng, Trưởng phòng, Chuyên viên, Văn thư…</summary>
public sealed class Position
{
    private Position()
    {
        Name = string.Empty;
    }

    public Position(Guid agencyId, string name, bool isLeadership, int rank)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        IsActive = true;
        Name = string.Empty;
        Change(name, isLeadership, rank);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Leadership positions (Giám đốc, Trưởng phòng and their deputies) give directions and sign.</summary>
    public bool IsLeadership { get; private set; }

    /// <summary>Lower ranks are listed first (1 = Giám đốc).</summary>
    public int Rank { get; private set; }

    public bool IsActive { get; private set; }

    public void Change(string name, bool isLeadership, int rank)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleException.Invalid("Vui lòng nhập tên chức vụ.", nameof(Name));
        }

        Name = name.Trim();
        IsLeadership = isLeadership;
        Rank = rank;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
