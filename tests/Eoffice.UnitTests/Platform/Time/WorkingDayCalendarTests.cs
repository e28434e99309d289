using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Time;
using static Eoffice.UnitTests.Platform.Time.TestCalendar;

namespace Eoffice.UnitTests.Platform.Time;

public sealed class WorkingDayCalendarTests
{
    [Fact]
    public void Weekdays_work_and_weekends_rest()
    {
        var calendar = Create();

        Assert.True(calendar.IsWorkingDay(D("2026-03-02")));
        Assert.False(calendar.IsWorkingDay(D("2026-03-07")));
        Assert.Equal(CalendarDayKind.WeeklyRest, calendar.GetDay(D("2026-03-08")).Kind);
        Assert.Equal(CalendarDayKind.WorkingDay, calendar.GetDay(D("2026-03-06")).Kind);
    }

    [Fact]
    public void A_deadline_of_3_working_days_received_just_before_Tet_2026_lands_after_the_holiday()
    {
        var calendar = Create();

        // Thursday 12/02/2026: Friday 13/02 is day 1; 14/02–22/02 are weekend and Tết; Monday 23/02 day 2; Tuesday 24/02 day 3.
        var due = calendar.DueAt(Local("2026-02-12T10:00:00"), 3);

        Assert.Equal(Local("2026-02-24T17:00:00"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(D("2026-02-24"), calendar.AddWorkingDays(D("2026-02-12"), 3));
        Assert.Equal(3, calendar.CountWorkingDays(D("2026-02-12"), D("2026-02-24")));
    }

    [Fact]
    public void A_holiday_on_Saturday_gives_the_Monday_off()
    {
        var calendar = Create();

        Assert.Equal(CalendarDayKind.Holiday, calendar.GetDay(D("2022-01-01")).Kind);
        Assert.Equal(CalendarDayKind.Substitute, calendar.GetDay(D("2022-01-03")).Kind);
        Assert.False(calendar.IsWorkingDay(D("2022-01-03")));
        Assert.Equal(D("2022-01-04"), calendar.AddWorkingDays(D("2021-12-31"), 1));
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day_and_the_swapped_day_off_does_not()
    {
        var source = new InMemoryOverrideSource();
        source.Add("2012-12-31", CalendarOverrideKind.DayOff, "Nghỉ hoán đổi Tết Dương lịch 2013");
        source.Add("2013-01-05", CalendarOverrideKind.WorkingDay, "Làm bù cho ngày 31/12/2012");
        var calendar = Create(source);

        Assert.True(calendar.IsWorkingDay(D("2013-01-05")));
        Assert.Equal(CalendarDayKind.MakeUpWorkingDay, calendar.GetDay(D("2013-01-05")).Kind);
        Assert.False(calendar.IsWorkingDay(D("2012-12-31")));
        Assert.Equal("Nghỉ hoán đổi Tết Dương lịch 2013", calendar.GetDay(D("2012-12-31")).Reason);

        // Friday 28/12/2012: Monday 31/12 off, Tuesday 01/01 holiday, Wed 2, Thu 3, Fri 4, Saturday 5 worked.
        Assert.Equal(D("2013-01-05"), calendar.AddWorkingDays(D("2012-12-28"), 4));
        Assert.Equal(4, calendar.CountWorkingDays(D("2012-12-28"), D("2013-01-05")));
    }

    [Fact]
    public void An_override_wins_over_the_rules_in_both_directions()
    {
        var source = new InMemoryOverrideSource();
        var working = source.Add("2026-02-20", CalendarOverrideKind.WorkingDay, "Trực Tết theo quyết định của cơ quan");
        source.Add("2026-02-13", CalendarOverrideKind.DayOff, "Nghỉ Tết theo thông báo của Chính phủ");
        var calendar = Create(source);

        Assert.True(calendar.IsWorkingDay(D("2026-02-20")));
        Assert.Equal(working.Id, calendar.GetDay(D("2026-02-20")).OverrideId);
        Assert.False(calendar.IsWorkingDay(D("2026-02-13")));
        Assert.Equal(CalendarDayKind.OverrideDayOff, calendar.GetDay(D("2026-02-13")).Kind);
    }

    [Theory]
    [InlineData("2026-03-02T14:59:00", "2026-03-02")]
    [InlineData("2026-03-02T15:00:00", "2026-03-02")]
    [InlineData("2026-03-02T15:00:01", "2026-03-03")]
    [InlineData("2026-03-06T16:00:00", "2026-03-09")]
    [InlineData("2026-03-07T09:00:00", "2026-03-09")]
    [InlineData("2026-02-13T15:30:00", "2026-02-23")]
    public void Items_received_after_the_15_00_cut_off_or_on_a_day_off_count_from_the_next_working_day(string receivedLocal, string countsFrom)
    {
        var calendar = Create();

        Assert.Equal(D(countsFrom), calendar.EffectiveReceiptDate(Local(receivedLocal)));
    }

    [Fact]
    public void The_cut_off_hour_is_configurable()
    {
        var calendar = Create(options: new CalendarOptions { CutOffHour = 16 });

        Assert.Equal(D("2026-03-02"), calendar.EffectiveReceiptDate(Local("2026-03-02T15:30:00")));
        Assert.Equal(D("2026-03-03"), calendar.EffectiveReceiptDate(Local("2026-03-02T16:30:00")));
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00", "2026-03-02T17:00:00")]
    [InlineData("2026-03-02T16:00:00", "2026-03-03T17:00:00")]
    [InlineData("2026-03-06T15:30:00", "2026-03-09T17:00:00")]
    [InlineData("2026-03-08T10:00:00", "2026-03-09T17:00:00")]
    public void Due_by_the_end_of_the_working_day_means_17_00_of_the_day_it_counts_as_received(string receivedLocal, string dueLocal)
    {
        var calendar = Create();

        Assert.Equal(Local(dueLocal), calendar.DueAt(Local(receivedLocal), 0));
    }

    [Fact]
    public void The_end_of_the_working_day_is_configurable_and_returned_in_UTC()
    {
        var calendar = Create(options: new CalendarOptions { EndOfWorkingDay = new TimeOnly(16, 30) });

        var end = calendar.EndOfWorkingDay(D("2026-03-02"));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }

    [Fact]
    public void Adding_working_days_skips_days_off_forwards_and_backwards()
    {
        var calendar = Create();

        Assert.Equal(D("2026-03-02"), calendar.AddWorkingDays(D("2026-03-02"), 0));
        Assert.Equal(D("2026-03-09"), calendar.AddWorkingDays(D("2026-03-07"), 0));
        Assert.Equal(D("2026-03-09"), calendar.AddWorkingDays(D("2026-03-06"), 1));
        Assert.Equal(D("2026-03-06"), calendar.AddWorkingDays(D("2026-03-09"), -1));
        Assert.Equal(D("2026-02-13"), calendar.AddWorkingDays(D("2026-02-23"), -1));
        Assert.Equal(D("2026-01-02"), calendar.AddWorkingDays(D("2025-12-31"), 1));
    }

    [Fact]
    public void Counting_excludes_the_start_and_includes_the_end()
    {
        var calendar = Create();

        Assert.Equal(0, calendar.CountWorkingDays(D("2026-03-02"), D("2026-03-02")));
        Assert.Equal(1, calendar.CountWorkingDays(D("2026-03-02"), D("2026-03-03")));
        Assert.Equal(5, calendar.CountWorkingDays(D("2026-03-01"), D("2026-03-08")));
        Assert.Equal(-5, calendar.CountWorkingDays(D("2026-03-08"), D("2026-03-01")));
        Assert.Equal(1, calendar.CountWorkingDays(D("2025-12-31"), D("2026-01-02")));
    }

    [Fact]
    public void Counting_is_the_inverse_of_adding_over_many_years()
    {
        var calendar = Create();
        var random = new Random(20260217);
        for (var i = 0; i < 2000; i++)
        {
            var start = D("2020-01-01").AddDays(random.Next(0, 3650));
            var n = random.Next(1, 400);

            Assert.Equal(n, calendar.CountWorkingDays(start, calendar.AddWorkingDays(start, n)));
        }
    }

    [Fact]
    public void A_year_has_the_working_days_left_after_weekends_holidays_and_substitutes()
    {
        var calendar = Create();

        // 2026: 261 weekdays; 11 holiday days all on weekdays except none → 250.
        var year = calendar.GetYear(2026);
        Assert.Equal(261 - 11, year.WorkingDayCount);
        Assert.Equal(year.WorkingDayCount, calendar.CountWorkingDays(D("2025-12-31"), D("2026-12-31")));
    }

    [Fact]
    public void Years_outside_1900_to_2100_are_refused_as_invalid_input()
    {
        var calendar = Create();

        // A rule, not a crash: a typed date beyond the calendar is answered 400 (API) or beside the field (pages).
        Assert.Equal(RuleKind.Invalid, Assert.Throws<RuleException>(() => calendar.GetYear(1899)).Kind);
        Assert.Equal(WorkingDayCalendar.OutOfRangeMessage, Assert.Throws<RuleException>(() => calendar.IsWorkingDay(D("2101-01-02"))).Message);
        Assert.Throws<RuleException>(() => calendar.AddWorkingDays(DateOnly.MaxValue, 1));
        Assert.Throws<RuleException>(() => calendar.CountWorkingDays(DateOnly.MinValue, D("2026-01-05")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.DueAt(Local("2026-03-02T09:00:00"), -1));
    }

    [Fact]
    public void Overrides_are_read_once_and_reread_after_a_change_or_the_refresh_interval()
    {
        var source = new InMemoryOverrideSource();
        var time = new ManualTime(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var calendar = Create(source, time);
        for (var i = 0; i < 10_000; i++)
        {
            calendar.DueAt(Local("2026-03-02T09:00:00").AddMinutes(i), i % 30);
        }

        Assert.Equal(1, source.Loads);

        source.Add("2026-03-03", CalendarOverrideKind.DayOff, "Nghỉ đột xuất");
        Assert.True(calendar.IsWorkingDay(D("2026-03-03")));
        calendar.InvalidateOverrides();
        Assert.False(calendar.IsWorkingDay(D("2026-03-03")));
        Assert.Equal(2, source.Loads);

        source.Overrides.Clear();
        time.Now += TimeSpan.FromMinutes(2);
        Assert.True(calendar.IsWorkingDay(D("2026-03-03")));
        Assert.Equal(3, source.Loads);
    }

    [Fact]
    public void Lists_of_thousands_of_deadlines_are_cheap()
    {
        var calendar = Create();
        var received = Local("2025-01-02T08:00:00");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            calendar.DueAt(received.AddMinutes(37 * i), 15);
        }

        // Generous bound for a shared CI machine: a few microseconds per deadline.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"100,000 deadlines took {watch.Elapsed}.");
    }
}
