namespace Eoffice.Web.Modules.Organization.Contracts;

/// <summary>The kind of a unit, which decides its place in routing and numbering.</summary>
public enum UnitKind
{
    /// <summary>Ban Giám đốc / Ban Lãnh đạo: the agency's leadership.</summary>
    Leadership = 0,

    /// <summary>Văn phòng: the office that holds the clerk and the registers.</summary>
    Office = 1,

    /// <summary>Phòng chuyên môn: a specialised department.</summary>
    Department = 2,

    /// <summary>Đơn vị trực thuộc: a subordinate unit, which may have its own leader and clerk.</summary>
    SubordinateUnit = 3,

    /// <summary>Any other grouping (team, board).</summary>
    Other = 4,
}

/// <summary>
/// An agency as other modules see it. <paramref name="RightsApproverId"/> is the person who must confirm changes of
/// access rights (Decree 30, Phụ lục VI III.3.c); <c>null</c> when the agency has not designated one.
/// <paramref name="Email"/> is the agency's official e-mail address (thư điện tử công vụ), when entered.
/// </summary>
public sealed record AgencyInfo(Guid Id, string Code, string FullName, string ShortName, bool IsActive, Guid? RightsApproverId = null, string? Email = null);

public sealed record UnitInfo(Guid Id, Guid AgencyId, Guid? ParentId, string Name, string? Code, UnitKind Kind, bool HasOwnClerk, bool IsActive, int SortOrder);

public sealed record PositionInfo(Guid Id, Guid AgencyId, string Name, bool IsLeadership, int Rank, bool IsActive);

/// <summary>Read-only questions other modules ask about the organisation.</summary>
public interface IOrganizationDirectory
{
    Task<AgencyInfo?> FindAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default);

    /// <summary>The agency with this electronic identifier, if any.</summary>
    Task<AgencyInfo?> FindAgencyByCodeAsync(string code, CancellationToken cancellationToken = default);

    Task<UnitInfo?> FindUnitAsync(Guid unitId, CancellationToken cancellationToken = default);

    Task<PositionInfo?> FindPositionAsync(Guid positionId, CancellationToken cancellationToken = default);

    /// <summary>All units of an agency (active and inactive), parents before children, siblings by sort order.</summary>
    Task<IReadOnlyList<UnitInfo>> UnitsOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default);

    /// <summary>All positions of an agency (active and inactive), by rank then name.</summary>
    Task<IReadOnlyList<PositionInfo>> PositionsOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default);

    /// <summary>The unit and every unit below it.</summary>
    Task<IReadOnlySet<Guid>> UnitAndDescendantsAsync(Guid unitId, CancellationToken cancellationToken = default);
}
