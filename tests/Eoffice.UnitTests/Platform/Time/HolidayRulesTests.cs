using Eoffice.Web.Platform.Time;
using static Eoffice.UnitTests.Platform.Time.TestCalendar;

namespace Eoffice.UnitTests.Platform.Time;

public sealed class HolidayRulesTests
{
    private static readonly HashSet<DayOfWeek> Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    [Fact]
    public void Tet_2026_is_the_last_day_of_the_lunar_year_and_days_1_to_4()
    {
        var days = HolidayRules.ForYear(2026, Weekend);

        var tet = days.Values.Where(d => d.Reason!.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).Select(d => d.Date).Order().ToList();
        Assert.Equal([D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19"), D("2026-02-20")], tet);
        Assert.Equal("Tết Nguyên đán (mùng 1)", days[D("2026-02-17")].Reason);
        Assert.Equal(CalendarDayKind.Holiday, days[D("2026-02-16")].Kind);
    }

    [Fact]
    public void New_Year_on_a_Saturday_gives_the_Monday_off()
    {
        var days = HolidayRules.ForYear(2022, Weekend);

        Assert.Equal(CalendarDayKind.Holiday, days[D("2022-01-01")].Kind);
        Assert.Equal(CalendarDayKind.Substitute, days[D("2022-01-03")].Kind);
        Assert.Equal("Nghỉ bù ngày 01/01/2022: Tết Dương lịch", days[D("2022-01-03")].Reason);
    }

    [Fact]
    public void Holidays_on_Saturday_and_Sunday_give_substitute_days_after_the_whole_block()
    {
        var days2022 = HolidayRules.ForYear(2022, Weekend);
        var days2023 = HolidayRules.ForYear(2023, Weekend);

        // 2022: 30/4 Saturday, 01/5 Sunday → Monday 2/5 and Tuesday 3/5; Giỗ Tổ on Sunday 10/4 → Monday 11/4.
        Assert.Equal(CalendarDayKind.Substitute, days2022[D("2022-05-02")].Kind);
        Assert.Equal(CalendarDayKind.Substitute, days2022[D("2022-05-03")].Kind);
        Assert.False(days2022.ContainsKey(D("2022-05-04")));
        Assert.Equal("Nghỉ bù ngày 10/04/2022: Giỗ Tổ Hùng Vương (10/3 âm lịch)", days2022[D("2022-04-11")].Reason);

        // 2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday, 01/5 Monday → Tuesday 2/5 and Wednesday 3/5, as the government decided.
        Assert.Equal(CalendarDayKind.Holiday, days2023[D("2023-04-29")].Kind);
        Assert.Equal(CalendarDayKind.Holiday, days2023[D("2023-05-01")].Kind);
        Assert.Equal("Nghỉ bù ngày 29/04/2023: Giỗ Tổ Hùng Vương (10/3 âm lịch)", days2023[D("2023-05-02")].Reason);
        Assert.Equal("Nghỉ bù ngày 30/04/2023: Ngày Chiến thắng (30/4)", days2023[D("2023-05-03")].Reason);
    }

    [Theory]
    [InlineData(2021, "2021-09-03")]
    [InlineData(2022, "2022-09-01")]
    [InlineData(2023, "2023-09-01")]
    [InlineData(2024, "2024-09-03")]
    [InlineData(2025, "2025-09-01")]
    public void The_day_next_to_National_Day_matches_the_government_decisions_of_2021_to_2025(int year, string expected)
    {
        var days = HolidayRules.ForYear(year, Weekend);

        Assert.Equal("Quốc khánh (ngày liền kề)", days[D(expected)].Reason);
    }

    [Fact]
    public void National_Day_on_a_Saturday_gives_the_Monday_off()
    {
        var days = HolidayRules.ForYear(2023, Weekend);

        Assert.Equal(CalendarDayKind.Substitute, days[D("2023-09-04")].Kind);
    }

    [Fact]
    public void Every_year_from_1900_to_2100_gives_exactly_11_holiday_days_off()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var days = HolidayRules.ForYear(year, Weekend);
            var weekdayHolidays = days.Values.Count(d => d.Kind == CalendarDayKind.Holiday && !Weekend.Contains(d.Date.DayOfWeek));
            var substitutes = days.Values.Count(d => d.Kind == CalendarDayKind.Substitute);

            Assert.True(weekdayHolidays + substitutes == 11, $"{year}: {weekdayHolidays} weekday holidays + {substitutes} substitute days");
            Assert.All(days.Values.Where(d => d.Kind == CalendarDayKind.Substitute), d => Assert.DoesNotContain(d.Date.DayOfWeek, Weekend));
        }
    }
}
