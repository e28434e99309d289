using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Security;

namespace Eoffice.UnitTests.Identity;

public sealed class DelegationTests
{
    private static readonly DateOnly First = new(2026, 12, 2);
    private static readonly DateOnly Last = new(2026, 12, 4);

    private static readonly (string Code, string Name) Handle = ("documents.incoming.handle", "Xử lý văn bản đến (bút phê, phân công)");

    private static readonly PermissionCatalog Catalog = new([new Declaring([new(Handle.Code, Handle.Name), new("documents.outgoing.approve", "Duyệt dự thảo văn bản đi")])]);

    private sealed class Declaring(IEnumerable<DelegableRight> rights) : IPermissionProvider
    {
        public IEnumerable<Permission> GetPermissions() => [];

        public IEnumerable<DefaultRole> GetDefaultRoles() => [];

        public IEnumerable<DelegableRight> GetDelegableRights() => rights;
    }

    private static Delegation Delegation(params (string Code, string Name)[] rights) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), rights.Length == 0 ? [Handle] : rights, First, Last, "Đi công tác", DateTime.UtcNow, null);

    [Fact]
    public void A_delegation_is_active_from_its_first_to_its_last_day_inclusive()
    {
        var delegation = Delegation();

        Assert.False(delegation.IsActiveOn(First.AddDays(-1)));
        Assert.True(delegation.IsActiveOn(First));
        Assert.True(delegation.IsActiveOn(Last));
        Assert.False(delegation.IsActiveOn(Last.AddDays(1)));
        Assert.Equal(["upcoming", "active", "active", "ended"],
            new[] { First.AddDays(-1), First, Last, Last.AddDays(1) }.Select(d => DelegationDto.StatusOf(delegation, d)));
    }

    [Fact]
    public void A_revoked_delegation_is_inactive_and_keeps_its_first_revocation()
    {
        var delegation = Delegation();
        var first = new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
        var by = Guid.CreateVersion7();

        delegation.Revoke(first, by);
        delegation.Revoke(first.AddHours(1), Guid.CreateVersion7());

        Assert.False(delegation.IsActiveOn(Last));
        Assert.Equal((first, (Guid?)by), (delegation.RevokedAt!.Value, delegation.RevokedBy));
        Assert.Equal("revoked", DelegationDto.StatusOf(delegation, Last));
    }

    [Fact]
    public void A_delegation_to_oneself_without_rights_or_ending_before_it_starts_is_refused()
    {
        var person = Guid.CreateVersion7();

        Assert.Throws<InvalidOperationException>(() => new Delegation(person, person, [Handle], First, Last, null, DateTime.UtcNow, null));
        Assert.Throws<InvalidOperationException>(() => new Delegation(person, Guid.CreateVersion7(), [], First, Last, null, DateTime.UtcNow, null));
        Assert.Throws<InvalidOperationException>(() => new Delegation(person, Guid.CreateVersion7(), [Handle], Last, First, null, DateTime.UtcNow, null));
    }

    [Fact]
    public void A_delegation_covers_each_right_it_names_once()
    {
        var delegation = Delegation(Handle, Handle, ("documents.outgoing.approve", "Duyệt dự thảo văn bản đi"));

        Assert.Equal(2, delegation.Rights.Count);
        Assert.True(delegation.Covers("documents.incoming.handle"));
        Assert.False(delegation.Covers("signing.sign"));
    }

    [Fact]
    public void Requested_codes_are_matched_against_the_catalogue_and_all_means_every_declared_right()
    {
        Assert.Equal(["documents.incoming.handle", "documents.outgoing.approve"], DelegatedRightNames.Parse(["all"], Catalog).Rights.Select(r => r.Code));
        var (rights, unknown) = DelegatedRightNames.Parse(["documents.outgoing.approve", "signing.sign", "documents.outgoing.approve"], Catalog);
        Assert.Equal(["documents.outgoing.approve"], rights.Select(r => r.Code));
        Assert.Equal(["signing.sign"], unknown);
        Assert.Empty(DelegatedRightNames.Parse([], Catalog).Rights);
    }

    [Fact]
    public void Rights_are_described_by_their_declared_names_in_catalogue_order_and_an_undeclared_one_by_its_stored_name_as_not_applied()
    {
        var delegation = Delegation(("signing.sign", "Ký văn bản"), ("documents.outgoing.approve", "Tên cũ"), Handle);

        Assert.Equal("Xử lý văn bản đến (bút phê, phân công); Duyệt dự thảo văn bản đi; Ký văn bản (chưa áp dụng)",
            DelegatedRightNames.Describe(delegation.Rights, Catalog));
    }
}
