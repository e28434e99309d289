using Eoffice.Web.Platform.Security;

namespace Eoffice.UnitTests.Platform;

public sealed class PermissionCatalogTests
{
    private sealed class Provider(IEnumerable<Permission> permissions, IEnumerable<DefaultRole> roles) : IPermissionProvider
    {
        public IEnumerable<Permission> GetPermissions() => permissions;

        public IEnumerable<DefaultRole> GetDefaultRoles() => roles;
    }

    [Fact]
    public void A_role_declared_by_two_modules_grants_the_union_of_their_permissions()
    {
        var catalog = new PermissionCatalog([
            new Provider([new("a.read", "Đọc A")], [new("clerk", "Văn thư", ["a.read"])]),
            new Provider([new("b.write", "Ghi B")], [new("clerk", "Văn thư", ["b.write"]), new("leader", "Lãnh đạo", [])]),
        ]);

        Assert.Equal(["a.read", "b.write"], catalog.PermissionsOf(["clerk"]).Order());
        Assert.Empty(catalog.PermissionsOf(["leader", "unknown"]));
    }

    [Fact]
    public void A_permission_declared_twice_is_a_startup_error() =>
        Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([
            new Provider([new("a.read", "Đọc A")], []),
            new Provider([new("a.read", "Đọc A lần nữa")], []),
        ]));

    [Fact]
    public void A_role_granting_an_undeclared_permission_is_a_startup_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([
            new Provider([], [new("clerk", "Văn thư", ["nobody.declared.this"])]),
        ]));
        Assert.Contains("nobody.declared.this", error.Message);
    }
}
