using System.Globalization;

namespace Eoffice.Web.Pages;

/// <summary>Stored UTC times as people in Việt Nam read them: Asia/Ho_Chi_Minh, dd/MM/yyyy HH:mm.</summary>
public static class DisplayTime
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string Format(DateTime? utc) =>
        utc is { } value
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Vietnam)
                .ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)
            : "—";

    /// <summary>ISO 8601 in UTC, for the machine-readable <c>datetime</c> attribute of &lt;time&gt;.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
