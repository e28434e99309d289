using System.Globalization;
using Eoffice.Web.Platform.Time;

namespace Eoffice.UnitTests.Platform.Time;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")]
    public void Tet_falls_on_the_published_date(int year, string expected)
    {
        // 2030: the new moon is at 23:07 on 02/02 in Việt Nam (00:07 on 03/02 in China), so Tết is 02/02/2030 here.
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.LunarNewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.ToLunar(DateOnly.Parse(expected, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Gio_To_Hung_Vuong_10_3_lunar_falls_on_the_published_date(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.ToSolar(year, 3, 10));

    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void Tet_follows_the_UTC_plus_7_calendar_where_it_differs_from_the_Chinese_one(int year, string vietnam, string china)
    {
        var chineseCalendar = new ChineseLunisolarCalendar();
        var chineseNewYear = DateOnly.FromDateTime(chineseCalendar.ToDateTime(year, 1, 1, 0, 0, 0, 0));

        Assert.Equal(DateOnly.Parse(china, CultureInfo.InvariantCulture), chineseNewYear);
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), VietnameseLunarCalendar.LunarNewYear(year));
    }

    [Fact]
    public void The_eve_of_Tet_2026_is_the_29th_of_the_twelfth_month_of_2025()
    {
        Assert.Equal(new LunarDate(2025, 12, 29), VietnameseLunarCalendar.ToLunar(new DateOnly(2026, 2, 16)));
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2025, 12));
    }

    [Theory]
    [InlineData(2020, 4, "2020-05-23")]
    [InlineData(2023, 2, "2023-03-22")]
    [InlineData(2025, 6, "2025-07-25")]
    public void Leap_months_are_found_and_repeat_the_number_of_the_month_before(int year, int leapMonth, string firstDay)
    {
        var start = DateOnly.Parse(firstDay, CultureInfo.InvariantCulture);

        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(year));
        Assert.Equal(new LunarDate(year, leapMonth, 1, IsLeapMonth: true), VietnameseLunarCalendar.ToLunar(start));
        Assert.Equal(new LunarDate(year, leapMonth, 1), VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.ToSolar(year, leapMonth, 1)));
        Assert.Equal(start, VietnameseLunarCalendar.ToSolar(year, leapMonth, 1, leapMonth: true));
        Assert.True(VietnameseLunarCalendar.ToSolar(year, leapMonth, 1) < start);
    }

    [Fact]
    public void A_year_without_a_leap_month_refuses_one()
    {
        Assert.Null(VietnameseLunarCalendar.LeapMonth(2024));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2024, 3, 1, leapMonth: true));
    }

    [Fact]
    public void Dates_outside_1900_to_2100_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2100, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2026, 13, 1));
    }

    [Fact]
    public void A_day_beyond_the_length_of_the_month_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2025, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2025, 12, 0));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_converts_to_lunar_and_back_and_lunar_days_run_on_without_gaps()
    {
        var previous = VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.MinSupportedDate);
        Assert.Equal(new LunarDate(1899, 12, 1), previous);
        var monthsWith13 = 0;
        for (var date = VietnameseLunarCalendar.MinSupportedDate; date <= VietnameseLunarCalendar.MaxSupportedDate; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
            if (date == VietnameseLunarCalendar.MinSupportedDate)
            {
                continue;
            }

            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                var expectedYear = lunar.Month == 1 && !lunar.IsLeapMonth ? previous.Year + 1 : previous.Year;
                Assert.Equal(expectedYear, lunar.Year);
                if (lunar.IsLeapMonth)
                {
                    monthsWith13++;
                    Assert.Equal(previous.Month, lunar.Month);
                }
                else
                {
                    Assert.Equal((previous.Month % 12) + 1, lunar.Month);
                }
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }

        // About 7 leap months every 19 years.
        Assert.InRange(monthsWith13, 70, 76);
    }
}
