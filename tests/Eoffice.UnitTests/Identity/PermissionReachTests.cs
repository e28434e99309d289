using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Security;

namespace Eoffice.UnitTests.Identity;

public sealed class PermissionReachTests
{
    private sealed class Provider : IPermissionProvider
    {
        public IEnumerable<Permission> GetPermissions() => [new("docs.register", "Vào sổ"), new("docs.approve", "Duyệt")];

        public IEnumerable<DefaultRole> GetDefaultRoles() =>
        [
            new("clerk", "Văn thư", ["docs.register"]),
            new("unit-leader", "Lãnh đạo đơn vị", ["docs.approve"]),
            new("agency-leader", "Lãnh đạo cơ quan", ["docs.approve"]),
        ];
    }

    private static readonly PermissionCatalog Catalog = new([new Provider()]);
    private static readonly Guid Office = Guid.CreateVersion7();
    private static readonly Guid Department = Guid.CreateVersion7();

    [Fact]
    public void A_scoped_role_reaches_only_its_scope_units()
    {
        var reach = PermissionReach.Of([("unit-leader", Department), ("clerk", Office)], Catalog, "docs.approve");

        Assert.False(reach.AgencyWide);
        Assert.Equal(new HashSet<Guid> { Department }, reach.ScopeUnits);
    }

    [Fact]
    public void One_role_without_a_scope_reaches_the_whole_agency()
    {
        var reach = PermissionReach.Of([("unit-leader", Department), ("agency-leader", null)], Catalog, "docs.approve");

        Assert.True(reach.AgencyWide);
        Assert.False(reach.Nowhere);
    }

    [Fact]
    public void Roles_that_do_not_grant_the_permission_give_no_reach()
    {
        Assert.True(PermissionReach.Of([("clerk", null), ("unknown-role", null)], Catalog, "docs.approve").Nowhere);
        Assert.True(PermissionReach.Of([], Catalog, "docs.register").Nowhere);
    }
}
