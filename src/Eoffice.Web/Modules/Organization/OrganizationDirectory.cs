using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

internal sealed class OrganizationDirectory(EofficeDbContext db) : IOrganizationDirectory
{
    public Task<AgencyInfo?> FindAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        db.Set<Agency>().AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencyInfo(a.Id, a.Code, a.FullName, a.ShortName, a.IsActive, a.RightsApproverId, a.Email))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<AgencyInfo?> FindAgencyByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Set<Agency>().AsNoTracking().Where(a => a.Code == code)
            .Select(a => new AgencyInfo(a.Id, a.Code, a.FullName, a.ShortName, a.IsActive, a.RightsApproverId, a.Email))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PositionInfo>> PositionsOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var positions = await db.Set<Position>().AsNoTracking().Where(p => p.AgencyId == agencyId)
            .Select(p => new PositionInfo(p.Id, p.AgencyId, p.Name, p.IsLeadership, p.Rank, p.IsActive))
            .ToListAsync(cancellationToken);
        return positions.OrderBy(p => p.Rank).ThenBy(p => p.Name, Platform.Text.VietnameseText.Comparer).ToList();
    }

    public Task<UnitInfo?> FindUnitAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        db.Set<Unit>().AsNoTracking().Where(u => u.Id == unitId).Select(ToInfo).FirstOrDefaultAsync(cancellationToken);

    public Task<PositionInfo?> FindPositionAsync(Guid positionId, CancellationToken cancellationToken = default) =>
        db.Set<Position>().AsNoTracking().Where(p => p.Id == positionId)
            .Select(p => new PositionInfo(p.Id, p.AgencyId, p.Name, p.IsLeadership, p.Rank, p.IsActive))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<UnitInfo>> UnitsOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.AgencyId == agencyId).Select(ToInfo).ToListAsync(cancellationToken);
        return OrderAsTree(units);
    }

    public async Task<IReadOnlySet<Guid>> UnitAndDescendantsAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        var unit = await FindUnitAsync(unitId, cancellationToken);
        if (unit is null)
        {
            return new HashSet<Guid>();
        }

        var children = (await UnitsOfAgencyAsync(unit.AgencyId, cancellationToken)).ToLookup(u => u.ParentId);
        var result = new HashSet<Guid>();
        var stack = new Stack<Guid>([unitId]);
        while (stack.TryPop(out var id))
        {
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    stack.Push(child.Id);
                }
            }
        }

        return result;
    }

    /// <summary>Parents before children, siblings by sort order then name (vi-VN).</summary>
    internal static IReadOnlyList<UnitInfo> OrderAsTree(IReadOnlyCollection<UnitInfo> units)
    {
        var children = units.ToLookup(u => u.ParentId);
        var ordered = new List<UnitInfo>(units.Count);
        void Visit(Guid? parent)
        {
            foreach (var unit in children[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Name, Platform.Text.VietnameseText.Comparer))
            {
                ordered.Add(unit);
                Visit(unit.Id);
            }
        }

        Visit(null);
        // Units whose parent is missing (should not happen) still appear, at the end.
        ordered.AddRange(units.Where(u => !ordered.Contains(u)));
        return ordered;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Unit, UnitInfo>> ToInfo =
        u => new UnitInfo(u.Id, u.AgencyId, u.ParentId, u.Name, u.Code, u.Kind, u.HasOwnClerk, u.IsActive, u.SortOrder);
}
