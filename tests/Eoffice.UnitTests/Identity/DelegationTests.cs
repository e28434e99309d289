using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Domain;

namespace Eoffice.UnitTests.Identity;

public sealed class DelegationTests
{
    private static readonly DateOnly First = new(2026, 12, 2);
    private static readonly DateOnly Last = new(2026, 12, 4);

    private static Delegation Delegation(DelegatedRights rights = DelegatedRights.HandleIncoming) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), rights, First, Last, "Đi công tác", DateTime.UtcNow, null);

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

        Assert.Throws<InvalidOperationException>(() => new Delegation(person, person, DelegatedRights.Sign, First, Last, null, DateTime.UtcNow, null));
        Assert.Throws<InvalidOperationException>(() => new Delegation(person, Guid.CreateVersion7(), DelegatedRights.None, First, Last, null, DateTime.UtcNow, null));
        Assert.Throws<InvalidOperationException>(() => new Delegation(person, Guid.CreateVersion7(), DelegatedRights.Sign, Last, First, null, DateTime.UtcNow, null));
    }

    [Fact]
    public void Rights_are_named_in_the_api_and_described_in_vietnamese()
    {
        Assert.Equal(DelegatedRights.All, DelegatedRightNames.Parse(["all"]));
        Assert.Equal(DelegatedRights.HandleIncoming | DelegatedRights.Sign, DelegatedRightNames.Parse(["handleIncoming", "SIGN"]));
        Assert.Equal(DelegatedRights.None, DelegatedRightNames.Parse([]));
        Assert.Null(DelegatedRightNames.Parse(["sign", "everything"]));
        Assert.Equal(["approveDrafts", "sign"], DelegatedRightNames.ToNames(DelegatedRights.ApproveDrafts | DelegatedRights.Sign));
        Assert.Equal("xử lý văn bản đến, duyệt dự thảo, ký văn bản", DelegatedRightNames.Describe(DelegatedRights.All));
    }
}
