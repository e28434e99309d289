using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.UnitTests.Organization;

public sealed class UnitTreeTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid AgencyId = Guid.CreateVersion7();

    private static Unit NewUnit(string name, Unit? parent = null, Guid? agencyId = null) =>
        new(agencyId ?? AgencyId, parent?.Id, name, null, UnitKind.Department, 0, Now);

    [Fact]
    public void A_unit_moves_under_another_unit_of_the_same_agency_and_back_to_the_top()
    {
        var office = NewUnit("Văn phòng");
        var team = NewUnit("Tổ công nghệ thông tin");

        team.MoveUnder(office, []);
        Assert.Equal(office.Id, team.ParentId);

        team.MoveUnder(null, []);
        Assert.Null(team.ParentId);
    }

    [Fact]
    public void Moving_a_unit_under_itself_is_refused()
    {
        var unit = NewUnit("Phòng Pháp chế");

        var error = Assert.Throws<RuleException>(() => unit.MoveUnder(unit, []));

        Assert.Equal("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.", error.Message);
        Assert.Null(unit.ParentId);
    }

    [Fact]
    public void Moving_a_unit_under_its_own_grandchild_is_refused()
    {
        var board = NewUnit("Ban Quản lý dự án");
        var division = NewUnit("Phòng Kỹ thuật", board);
        var team = NewUnit("Tổ giám sát", division);

        var error = Assert.Throws<RuleException>(() => board.MoveUnder(team, [division.Id, board.Id]));

        Assert.Equal("ParentId", error.Field);
        Assert.Null(board.ParentId);
    }

    [Fact]
    public void Moving_under_a_unit_of_another_agency_or_an_inactive_unit_is_refused()
    {
        var unit = NewUnit("Phòng Kế hoạch - Tài chính");
        var foreign = NewUnit("Văn phòng", agencyId: Guid.CreateVersion7());
        var stopped = NewUnit("Phòng cũ");
        stopped.Deactivate(hasActiveChildren: false);

        Assert.Throws<RuleException>(() => unit.MoveUnder(foreign, []));
        Assert.Throws<RuleException>(() => unit.MoveUnder(stopped, []));
    }

    [Fact]
    public void A_unit_with_active_units_below_cannot_be_deactivated()
    {
        var unit = NewUnit("Văn phòng");

        var error = Assert.Throws<RuleException>(() => unit.Deactivate(hasActiveChildren: true));

        Assert.Equal(RuleKind.Conflict, error.Kind);
        Assert.True(unit.IsActive);
    }
}
