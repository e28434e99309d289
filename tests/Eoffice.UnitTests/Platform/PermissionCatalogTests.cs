using Eoffice.Web.Platform.Security;

namespace Eoffice.UnitTests.Platform;

public sealed class PermissionCatalogTests
{
    private sealed class Provider(IEnumerable<Permission> permissions, IEnumerable<DefaultRole> roles, IEnumerable<DelegableRight>? delegable = null)
        : IPermissionProvider
    {
        public IEnumerable<Permission> GetPermissions() => permissions;

        public IEnumerable<DefaultRole> GetDefaultRoles() => roles;

        public IEnumerable<DelegableRight> GetDelegableRights() => delegable ?? [];
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

    [Fact]
    public void Delegable_rights_are_catalogued_in_the_order_the_modules_declare_them_and_a_module_may_declare_none()
    {
        var catalog = new PermissionCatalog([
            new Provider([], [], [new("documents.incoming.handle", "Xử lý văn bản đến"), new("documents.outgoing.approve", "Duyệt dự thảo")]),
            new Provider([new("a.read", "Đọc A")], []),
            new Provider([], [], [new("tasks.assign", "Giao việc")]),
        ]);

        Assert.Equal(["documents.incoming.handle", "documents.outgoing.approve", "tasks.assign"], catalog.DelegableRights.Select(r => r.Code));
        Assert.Equal("Giao việc", catalog.FindDelegableRight("tasks.assign")?.Name);
        Assert.Null(catalog.FindDelegableRight("signing.sign"));
    }

    [Fact]
    public void A_delegable_right_declared_twice_or_named_like_a_permission_is_a_startup_error()
    {
        var twice = Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([
            new Provider([], [], [new("documents.incoming.handle", "Xử lý văn bản đến")]),
            new Provider([], [], [new("documents.incoming.handle", "Xử lý lần nữa")]),
        ]));
        var shared = Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([
            new Provider([new("a.read", "Đọc A")], [], [new("a.read", "Đọc A thay người khác")]),
        ]));

        Assert.Contains("documents.incoming.handle", twice.Message);
        Assert.Contains("a.read", shared.Message);
    }
}
