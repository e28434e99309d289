using System.Globalization;

namespace Eoffice.Web.Platform.Time;

/// <summary>
/// The statutory rules, without any administrator override: the 11 public holiday days of Bộ luật Lao động 2019
/// Art. 112.1 and the substitute days off of Art. 111.3.
/// </summary>
/// <remarks>
/// Defaults where the law leaves the choice to the Prime Minister's yearly decision (applied through overrides):
/// <list type="bullet">
/// <item>Tết Nguyên đán (5 days): the last day of the lunar year (29 or 30 tháng Chạp) and days 1–4 of the new year.
/// This is the span the government has chosen most often (e.g. 16–20/02/2026), and it keeps the eve of Tết off.</item>
/// <item>Quốc khánh (02/9 plus one adjacent day): the neighbour that is not a day of weekly rest; when both are
/// working days, the one that joins the holiday to the weekend (a Monday or a Friday); when neither does (02/9 on a
/// Wednesday), 01/9. This reproduces the decisions for 2021 (3/9), 2022 (1/9), 2023 (1/9), 2024 (3/9) and 2025 (1/9).</item>
/// </list>
/// Substitute days: holidays on consecutive dates form a block; each holiday of the block that falls on a day of weekly
/// rest (or on the same date as another holiday, so that no holiday day is lost) gives one substitute day, placed on the
/// first working days after the block, in order (30/4 and 01/5/2022 on Saturday and Sunday → 2 and 3/5).
/// </remarks>
public static class HolidayRules
{
    /// <summary>The holidays and substitute days of <paramref name="year"/>, by date.</summary>
    public static IReadOnlyDictionary<DateOnly, CalendarDay> ForYear(int year, IReadOnlySet<DayOfWeek> weeklyRest)
    {
        var holidays = new SortedDictionary<DateOnly, List<string>>();
        void Add(DateOnly date, string reason)
        {
            if (!holidays.TryGetValue(date, out var reasons))
            {
                holidays[date] = reasons = [];
            }

            reasons.Add(reason);
        }

        Add(new DateOnly(year, 1, 1), "Tết Dương lịch");

        var tet = VietnameseLunarCalendar.LunarNewYear(year);
        Add(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)");
        for (var day = 1; day <= 4; day++)
        {
            Add(tet.AddDays(day - 1), $"Tết Nguyên đán (mùng {day})");
        }

        Add(VietnameseLunarCalendar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        Add(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)");
        Add(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (01/5)");

        var nationalDay = new DateOnly(year, 9, 2);
        Add(nationalDay, "Quốc khánh (02/9)");
        Add(NationalDayCompanion(nationalDay, weeklyRest), "Quốc khánh (ngày liền kề)");

        var result = new Dictionary<DateOnly, CalendarDay>();
        foreach (var (date, reasons) in holidays)
        {
            result[date] = new CalendarDay(date, CalendarDayKind.Holiday, string.Join("; ", reasons));
        }

        foreach (var block in Blocks(holidays.Keys))
        {
            // Each holiday lost to a rest day (or to another holiday on the same date) is owed back, in date order.
            var owed = new Queue<(DateOnly Date, string Reason)>();
            foreach (var date in block)
            {
                var reasons = holidays[date];
                var lost = weeklyRest.Contains(date.DayOfWeek) ? reasons.Count : reasons.Count - 1;
                for (var i = reasons.Count - lost; i < reasons.Count; i++)
                {
                    owed.Enqueue((date, reasons[i]));
                }
            }

            var candidate = block[^1];
            while (owed.Count > 0)
            {
                candidate = candidate.AddDays(1);
                if (weeklyRest.Contains(candidate.DayOfWeek) || result.ContainsKey(candidate))
                {
                    continue;
                }

                var (date, reason) = owed.Dequeue();
                result[candidate] = new CalendarDay(candidate, CalendarDayKind.Substitute,
                    $"Nghỉ bù ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: {reason}");
            }
        }

        return result.Where(d => d.Key.Year == year).ToDictionary();
    }

    /// <summary>The default day added to 02/9; see the remarks on <see cref="HolidayRules"/>.</summary>
    public static DateOnly NationalDayCompanion(DateOnly nationalDay, IReadOnlySet<DayOfWeek> weeklyRest)
    {
        var before = nationalDay.AddDays(-1);
        var after = nationalDay.AddDays(1);
        var beforeWorks = !weeklyRest.Contains(before.DayOfWeek);
        var afterWorks = !weeklyRest.Contains(after.DayOfWeek);
        if (beforeWorks != afterWorks)
        {
            return beforeWorks ? before : after;
        }

        // Both working days (or both rest days): join the holiday to the weekly rest if one side touches it.
        if (weeklyRest.Contains(after.AddDays(1).DayOfWeek) && !weeklyRest.Contains(before.AddDays(-1).DayOfWeek))
        {
            return after;
        }

        return before;
    }

    private static IEnumerable<List<DateOnly>> Blocks(IEnumerable<DateOnly> sortedDates)
    {
        List<DateOnly>? block = null;
        foreach (var date in sortedDates)
        {
            if (block is not null && block[^1].AddDays(1) == date)
            {
                block.Add(date);
                continue;
            }

            if (block is not null)
            {
                yield return block;
            }

            block = [date];
        }

        if (block is not null)
        {
            yield return block;
        }
    }
}
