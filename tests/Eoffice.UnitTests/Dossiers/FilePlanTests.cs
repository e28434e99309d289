using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.UnitTests.Dossiers;

/// <summary>The file plan's own rules: numerals, codes in layout order, guarded states, the copy forward.</summary>
public sealed class FilePlanTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Unit = Guid.NewGuid();

    private static FilePlanEntryContent Content(string title, int? years = 10) =>
        new(title, years is { } y ? RetentionPeriod.OfYears(y) : RetentionPeriod.Permanent, Unit, null, null);

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(40, "XL")]
    [InlineData(99, "XCIX")]
    public void Large_headings_are_numbered_in_roman_numerals(int position, string numeral) =>
        Assert.Equal(numeral, FilePlan.ToRoman(position));

    [Fact]
    public void Codes_follow_the_layout_a_headings_own_entries_before_its_sub_headings()
    {
        var plan = new FilePlan(Guid.NewGuid(), 2027, FilePlanNumbering.AcrossPlan, Guid.NewGuid(), Now);
        var staff = plan.AddHeading(null, "Tổ chức, cán bộ", "TCCB", Now);
        var sub = plan.AddHeading(staff.Id, "Tuyển dụng", "IGNORED", Now);
        var office = plan.AddHeading(null, "Văn phòng", "VP", Now);
        plan.AddEntry(sub.Id, Content("Thi tuyển"), Now);
        plan.AddEntry(staff.Id, Content("Đề án vị trí việc làm", null), Now);
        plan.AddEntry(office.Id, Content("Sổ văn bản đến"), Now);

        Assert.Null(sub.Abbreviation);
        Assert.Equal(["I", null, "1", null, "II", null], plan.Layout().Select(r => r.Label));
        Assert.Equal(["01.TCCB", "02.TCCB", "03.VP"], plan.Layout().Where(r => r.Entry is not null).Select(r => r.Entry!.Code));
        Assert.Equal("Đề án vị trí việc làm", plan.Layout().First(r => r.Entry is not null).Entry!.Title);
        Assert.Equal("Vĩnh viễn", plan.Entries.Single(e => e.Title == "Đề án vị trí việc làm").Retention.Text);

        plan.SetNumbering(FilePlanNumbering.PerHeading, Now);
        Assert.Equal(["01.TCCB", "02.TCCB", "01.VP"], plan.Layout().Where(r => r.Entry is not null).Select(r => r.Entry!.Code));
    }

    [Fact]
    public void A_sub_heading_cannot_hold_another_and_a_large_heading_needs_its_abbreviation()
    {
        var plan = new FilePlan(Guid.NewGuid(), 2027, FilePlanNumbering.AcrossPlan, Guid.NewGuid(), Now);
        var top = plan.AddHeading(null, "Tổng hợp", "TH", Now);
        var sub = plan.AddHeading(top.Id, "Báo cáo", null, Now);

        Assert.Equal("parentId", Assert.Throws<RuleException>(() => plan.AddHeading(sub.Id, "Cấp ba", null, Now)).Field);
        Assert.Equal("abbreviation", Assert.Throws<RuleException>(() => plan.AddHeading(null, "Không viết tắt", " ", Now)).Field);
    }

    [Fact]
    public void Each_state_guards_its_actions_and_reopening_an_approved_plan_starts_a_new_revision()
    {
        var plan = new FilePlan(Guid.NewGuid(), 2027, FilePlanNumbering.AcrossPlan, Guid.NewGuid(), Now);
        var heading = plan.AddHeading(null, "Tổng hợp", "TH", Now);
        Assert.Equal(RuleKind.Invalid, plan.CanSubmit()!.Kind);
        plan.AddEntry(heading.Id, Content("Báo cáo năm"), Now);
        Assert.NotNull(plan.CanApprove());
        plan.Submit("Văn thư", Now);

        Assert.Equal(RuleKind.Conflict, Assert.Throws<RuleException>(() => plan.AddHeading(null, "Mới", "M", Now)).Kind);
        Assert.NotNull(plan.CanCopyForward());
        plan.Approve(Guid.NewGuid(), "Giám đốc", Now);
        Assert.Equal(RuleKind.Conflict, Assert.Throws<RuleException>(() => plan.RemoveEntry(plan.Entries[0].Id, Now)).Kind);
        Assert.Null(plan.CanCopyForward());

        plan.ReturnToDraft("Bổ sung", "Giám đốc", Now);
        Assert.Equal((FilePlanStatus.Draft, 2, null, "Bổ sung"), (plan.Status, plan.Revision, plan.ApprovedByName, plan.ReturnReason));
    }

    [Fact]
    public void Copying_forward_keeps_the_structure_under_new_ids_for_next_year()
    {
        var plan = new FilePlan(Guid.NewGuid(), 2027, FilePlanNumbering.PerHeading, Guid.NewGuid(), Now);
        var top = plan.AddHeading(null, "Pháp chế", "PC", Now);
        var sub = plan.AddHeading(top.Id, "Thẩm định", null, Now);
        plan.AddEntry(sub.Id, Content("Thẩm định dự thảo", null), Now);
        plan.Submit("Văn thư", Now);
        plan.Approve(Guid.NewGuid(), "Giám đốc", Now);

        var copy = plan.CopyForward(Guid.NewGuid(), Now);

        Assert.Equal((2028, FilePlanStatus.Draft, FilePlanNumbering.PerHeading, plan.Id), (copy.Year, copy.Status, copy.Numbering, copy.CopiedFromId));
        var copiedSub = copy.Headings.Single(h => h.ParentId is not null);
        Assert.Equal(copy.Headings.Single(h => h.ParentId is null).Id, copiedSub.ParentId);
        Assert.DoesNotContain(copy.Headings, h => plan.Headings.Any(p => p.Id == h.Id));
        Assert.Equal(("01.PC", copiedSub.Id, true), (copy.Entries[0].Code, copy.Entries[0].HeadingId, copy.Entries[0].Retention.IsPermanent));
        Assert.All(copy.Headings, h => Assert.Equal(copy.Id, h.FilePlanId));
        Assert.All(copy.Entries, e => Assert.Equal(copy.Id, e.FilePlanId));
    }
}
