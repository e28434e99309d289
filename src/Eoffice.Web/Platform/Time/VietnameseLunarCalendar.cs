using System.Globalization;

namespace Eoffice.Web.Platform.Time;

/// <summary>
/// A date of the Vietnamese lunar calendar (âm lịch). <see cref="Year"/> is the lunar year, which starts on Tết
/// Nguyên đán, so 16/02/2026 (dương lịch) is 29/12/2025 âm lịch. <see cref="IsLeapMonth"/> marks the inserted
/// thirteenth month (tháng nhuận), which repeats the number of the month before it.
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>"10/03/2026", or "10/03 nhuận/2026" in a leap month.</summary>
    public override string ToString() => IsLeapMonth
        ? string.Create(CultureInfo.InvariantCulture, $"{Day:00}/{Month:00} nhuận/{Year}")
        : string.Create(CultureInfo.InvariantCulture, $"{Day:00}/{Month:00}/{Year}");
}

/// <summary>
/// The Vietnamese lunisolar calendar computed astronomically for UTC+7, after Hồ Ngọc Đức's published algorithm
/// (new moons and sun longitude from Jean Meeus, "Astronomical Algorithms"): a month starts on the local day of a
/// new moon; month 11 is the month that contains the winter solstice; a lunar year with 13 months repeats the first
/// month after month 11 that contains no major solar term (trung khí). Because the meridian is 105°E and not 120°E,
/// some years differ from the Chinese calendar (Tết 1985 fell on 21/01 in Việt Nam and 20/02 in China), so
/// <see cref="ChineseLunisolarCalendar"/> must not be used. Valid for solar dates 01/01/1900 to 31/12/2100.
/// </summary>
/// <remarks>
/// All lunar months of the supported range are computed once (about 2,500 new moons) into a table; conversions are a
/// binary search in it.
/// </remarks>
public static class VietnameseLunarCalendar
{
    public static readonly DateOnly MinSupportedDate = new(1900, 1, 1);
    public static readonly DateOnly MaxSupportedDate = new(2100, 12, 31);

    private const double TimeZoneHours = 7.0;

    /// <summary>Julian day number of 0001-01-01 (day number 0 of <see cref="DateOnly"/>).</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    private static readonly Lazy<MonthTable> Table = new(MonthTable.Build);

    /// <summary>The lunar date of a solar (Gregorian) date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2100.</exception>
    public static LunarDate ToLunar(DateOnly solar)
    {
        if (solar < MinSupportedDate || solar > MaxSupportedDate)
        {
            throw new ArgumentOutOfRangeException(nameof(solar), solar, "The Vietnamese lunar calendar is supported for 1900–2100.");
        }

        var months = Table.Value.Months;
        var day = solar.DayNumber;
        int low = 0, high = months.Length - 1;
        while (low < high)
        {
            // The last month that starts on or before the day.
            var mid = (low + high + 1) / 2;
            if (months[mid].StartDayNumber <= day)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var month = months[low];
        return new LunarDate(month.Year, month.Month, day - month.StartDayNumber + 1, month.IsLeap);
    }

    /// <summary>The solar date of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The month does not exist (e.g. <paramref name="leapMonth"/> for a month that is not repeated that year), the day
    /// is beyond the month's 29 or 30 days, or the result is outside 1900–2100.
    /// </exception>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        if (lunarMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarMonth), lunarMonth, "A lunar month is 1–12.");
        }

        var table = Table.Value;
        if (!table.Index.TryGetValue((lunarYear, lunarMonth, leapMonth), out var i))
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear,
                leapMonth
                    ? $"Lunar year {lunarYear} has no leap month {lunarMonth}."
                    : $"Lunar year {lunarYear} is outside the supported range.");
        }

        var month = table.Months[i];
        var length = i + 1 < table.Months.Length ? table.Months[i + 1].StartDayNumber - month.StartDayNumber : 30;
        if (lunarDay < 1 || lunarDay > length)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarDay), lunarDay, $"That lunar month has {length} days.");
        }

        var dayNumber = month.StartDayNumber + lunarDay - 1;
        if (dayNumber < MinSupportedDate.DayNumber || dayNumber > MaxSupportedDate.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, "The result is outside 1900–2100.");
        }

        return DateOnly.FromDayNumber(dayNumber);
    }

    /// <summary>Tết Nguyên đán: day 1 of month 1 of the lunar year that begins in solar year <paramref name="year"/>.</summary>
    public static DateOnly LunarNewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The number of days (29 or 30) of a lunar month.</summary>
    public static int DaysInMonth(int lunarYear, int lunarMonth, bool leapMonth = false)
    {
        var start = ToSolar(lunarYear, lunarMonth, 1, leapMonth);
        var next = ToLunar(start.AddDays(29));
        return next.Day == 1 ? 29 : 30;
    }

    /// <summary>The leap month (1–12) of a lunar year, or null when the year has 12 months.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        var table = Table.Value;
        for (var month = 1; month <= 12; month++)
        {
            if (table.Index.ContainsKey((lunarYear, month, true)))
            {
                return month;
            }
        }

        return null;
    }

    private readonly record struct LunarMonth(int StartDayNumber, int Year, int Month, bool IsLeap);

    private sealed class MonthTable
    {
        private MonthTable(LunarMonth[] months)
        {
            Months = months;
            Index = new Dictionary<(int, int, bool), int>(months.Length);
            for (var i = 0; i < months.Length; i++)
            {
                Index[(months[i].Year, months[i].Month, months[i].IsLeap)] = i;
            }
        }

        public LunarMonth[] Months { get; }

        public Dictionary<(int Year, int Month, bool Leap), int> Index { get; }

        public static MonthTable Build()
        {
            // Months from month 11 of lunar 1898 (before 01/01/1900) to month 10 of lunar 2101 (after 31/12/2100).
            var months = new List<LunarMonth>(2600);
            var month11 = LunarMonth11(1898);
            for (var year = 1899; year <= 2101; year++)
            {
                var nextMonth11 = LunarMonth11(year);
                var k = (int)Math.Floor(((month11 - 2415021.076998695) / 29.530588853) + 0.5);
                var leapOffset = nextMonth11 - month11 > 365 ? LeapMonthOffset(month11) : int.MaxValue;
                for (var offset = 0; ; offset++)
                {
                    var start = NewMoonDay(k + offset);
                    if (start >= nextMonth11)
                    {
                        break;
                    }

                    // Offset 0 is month 11 of the previous lunar year; the leap month repeats the number before it.
                    var number = offset < leapOffset ? offset : offset - 1;
                    var monthNumber = ((10 + number) % 12) + 1;
                    var lunarYear = monthNumber >= 11 && offset < 4 ? year - 1 : year;
                    months.Add(new LunarMonth(start - JulianDayOfDayNumberZero, lunarYear, monthNumber, offset == leapOffset));
                }

                month11 = nextMonth11;
            }

            return new MonthTable([.. months]);
        }
    }

    /// <summary>Julian day number (at local midnight, UTC+7) of the day of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZoneHours / 24));

    /// <summary>The Julian day (fractional, UT) of the k-th new moon after the one of 1900-01-01 (Meeus, ch. 49, abridged).</summary>
    private static double NewMoon(int k)
    {
        const double dr = Math.PI / 180;
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude, in radians 0..2π, at Julian day <paramref name="jdn"/> (UT).</summary>
    private static double SunLongitude(double jdn)
    {
        const double dr = Math.PI / 180;
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    /// <summary>Which of the twelve 30° sectors (0 = spring equinox… 9 = winter solstice) the sun is in at the local start of a day.</summary>
    private static int SunSector(int dayNumber) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (TimeZoneHours / 24)) / Math.PI * 6);

    /// <summary>The Julian day number on which lunar month 11 (the month of the winter solstice) of solar year <paramref name="year"/> starts.</summary>
    private static int LunarMonth11(int year)
    {
        var off = new DateOnly(year, 12, 31).DayNumber + JulianDayOfDayNumberZero - 2415021;
        var k = (int)Math.Floor(off / 29.530588853);
        var newMoon = NewMoonDay(k);
        return SunSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>Offset, counted in months after month 11 starting on <paramref name="month11"/>, of the first month without a major solar term.</summary>
    private static int LeapMonthOffset(int month11)
    {
        var k = (int)Math.Floor(((month11 - 2415021.076998695) / 29.530588853) + 0.5);
        var i = 1;
        var arc = SunSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);

        return i - 1;
    }
}
