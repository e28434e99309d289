namespace Eoffice.Web.Modules.Search.Data;

/// <summary>
/// The key of an entry's full-text row (ADR 0029): <c>day &lt;&lt; 46 | entry id</c>, the day counted from 1900-01-01
/// (1 for that day, 0 for an entry without a date). Ordering by the key is ordering newest first (descending) or oldest
/// first by date and then id, so a query walks the full-text match in key order and stops after the page; a date filter
/// is a key range. SQLite: the FTS5 rowid. PostgreSQL: <c>search_fts.key</c>. An entry whose date changes is re-keyed.
/// </summary>
public static class SearchKey
{
    public const int DayShift = 46;

    /// <summary>The bits of the entry id: <c>key &amp; EntryMask</c> is the entry id.</summary>
    public const long EntryMask = (1L << DayShift) - 1;

    /// <summary>The largest day the key holds (17 bits: up to the year 2258).</summary>
    public const int MaxDay = (1 << (63 - DayShift)) - 1;

    public static readonly DateOnly Epoch = new(1900, 1, 1);

    public static long Day(DateOnly? date) => date is { } d ? Math.Clamp(d.DayNumber - Epoch.DayNumber + 1, 1, MaxDay) : 0;

    public static long Of(DateOnly? date, long entryId) => (Day(date) << DayShift) | entryId;

    /// <summary>The smallest key of a day: a date filter "from".</summary>
    public static long First(DateOnly date) => Day(date) << DayShift;

    /// <summary>The largest key of a day: a date filter "to".</summary>
    public static long Last(DateOnly date) => (Day(date) << DayShift) | EntryMask;

    /// <summary>The key of <c>search_entries</c> row <paramref name="alias"/> computed in SQL (the check compares it with the full-text row's).</summary>
    public static string Sql(bool sqlite, string alias) => sqlite
        ? $"(((CASE WHEN {alias}.date IS NULL THEN 0 ELSE CAST(julianday({alias}.date) - 2415020.5 AS INTEGER) + 1 END) << {DayShift}) | {alias}.id)"
        : $"(((CASE WHEN {alias}.date IS NULL THEN 0 ELSE ({alias}.date - DATE '1900-01-01') + 1 END)::bigint << {DayShift}) | {alias}.id)";
}
