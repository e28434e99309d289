using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// Where a permission reaches, from a person's role assignments alone (before unit trees are expanded): everywhere in
/// the agency, or within some scope units. Pure, so the rule is tested on its own.
/// </summary>
public sealed record PermissionReach(bool AgencyWide, IReadOnlySet<Guid> ScopeUnits)
{
    public static PermissionReach Of(IEnumerable<(string RoleCode, Guid? ScopeUnitId)> assignments, PermissionCatalog catalog, string permission)
    {
        var agencyWide = false;
        var scopes = new HashSet<Guid>();
        foreach (var (roleCode, scopeUnitId) in assignments)
        {
            if (!catalog.PermissionsOf([roleCode]).Contains(permission))
            {
                continue;
            }

            if (scopeUnitId is { } unit)
            {
                scopes.Add(unit);
            }
            else
            {
                agencyWide = true;
            }
        }

        return new PermissionReach(agencyWide, scopes);
    }

    public bool Nowhere => !AgencyWide && ScopeUnits.Count == 0;
}

/// <inheritdoc cref="IAccessScopes"/>
internal sealed class AccessScopes(EofficeDbContext db, PermissionCatalog catalog, IOrganizationDirectory directory) : IAccessScopes
{
    public async Task<bool> HasPermissionAsync(Guid userId, string permission, Guid? unitId, CancellationToken cancellationToken = default)
    {
        var reach = await ReachAsync(userId, permission, cancellationToken);
        if (reach.AgencyWide)
        {
            return true;
        }

        if (unitId is not { } target || reach.ScopeUnits.Count == 0)
        {
            return false;
        }

        foreach (var scope in reach.ScopeUnits)
        {
            if (scope == target || (await directory.UnitAndDescendantsAsync(scope, cancellationToken)).Contains(target))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<IReadOnlySet<Guid>?> UnitsWherePermittedAsync(Guid userId, string permission, CancellationToken cancellationToken = default)
    {
        var reach = await ReachAsync(userId, permission, cancellationToken);
        if (reach.AgencyWide)
        {
            return null;
        }

        var units = new HashSet<Guid>();
        foreach (var scope in reach.ScopeUnits)
        {
            units.UnionWith(await directory.UnitAndDescendantsAsync(scope, cancellationToken));
        }

        return units;
    }

    public async Task<IReadOnlyList<RoleGrant>> RolesOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Set<RoleAssignment>().AsNoTracking()
            .Where(r => r.UserId == userId && db.Set<User>().Any(u => u.Id == userId && u.Status == AccountStatus.Active))
            .Select(r => new RoleGrant(r.UserId, r.RoleCode, r.ScopeUnitId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RoleGrant>> HoldersOfRoleAsync(Guid agencyId, string role, CancellationToken cancellationToken = default) =>
        await db.Set<RoleAssignment>().AsNoTracking()
            .Where(r => r.RoleCode == role && db.Set<User>().Any(u => u.Id == r.UserId && u.AgencyId == agencyId && u.Status == AccountStatus.Active))
            .Select(r => new RoleGrant(r.UserId, r.RoleCode, r.ScopeUnitId))
            .ToListAsync(cancellationToken);

    private async Task<PermissionReach> ReachAsync(Guid userId, string permission, CancellationToken cancellationToken)
    {
        var assignments = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(r => r.UserId == userId && db.Set<User>().Any(u => u.Id == userId && u.Status == AccountStatus.Active))
            .Select(r => new { r.RoleCode, r.ScopeUnitId })
            .ToListAsync(cancellationToken);
        return PermissionReach.Of(assignments.Select(a => (a.RoleCode, a.ScopeUnitId)), catalog, permission);
    }
}
