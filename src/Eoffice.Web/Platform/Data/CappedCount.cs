using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// The counts of list tabs and badges stop at <see cref="Cap"/> matching rows (shown as "99+", as mail and chat apps do):
/// a leader's or a clerk's lists hold tens of thousands of rows after a few years, and counting them all on every page
/// costs more than the page itself (docs/benchmarks.md). Counting at most <see cref="Cap"/> rows reads at most that many.
/// </summary>
public static class CappedCount
{
    public const int Cap = 100;

    /// <summary>How many rows <paramref name="query"/> has, up to <see cref="Cap"/>.</summary>
    public static Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.Take(Cap).CountAsync(cancellationToken);

    /// <summary>A count as a tab shows it: "99+" at the cap.</summary>
    public static string Text(int count) => count >= Cap ? $"{Cap - 1}+" : count.ToString(CultureInfo.InvariantCulture);
}
