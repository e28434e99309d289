using System.Globalization;

namespace Eoffice.Web.Pages.Documents.Shared;

/// <summary>The period fields of a report form (<c>_ReportPeriod.cshtml</c>): ids <c>{IdPrefix}-from</c> and <c>{IdPrefix}-to</c>, posted as <c>from</c> and <c>to</c>.</summary>
public sealed record ReportPeriodFields(string IdPrefix, DateOnly From, DateOnly To)
{
    /// <summary>From the first of January to <paramref name="today"/>.</summary>
    public static ReportPeriodFields ThisYear(string idPrefix, DateOnly today) => new(idPrefix, new DateOnly(today.Year, 1, 1), today);

    /// <summary>A date as an HTML date input carries it.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A register offered in a report form.</summary>
public sealed record RegisterOption(Guid Id, string Name);
