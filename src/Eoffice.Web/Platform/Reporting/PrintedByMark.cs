using System.Globalization;
using Eoffice.Web.Platform.Time;

namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// The mark every printed or exported page carries (Decree 30 Phụ lục VI III.6.k, "đánh dấu bản in"):
/// "In bởi &lt;họ tên&gt; lúc HH:mm ngày dd/MM/yyyy", in Vietnam time. Shared by every area's outputs.
/// </summary>
public static class PrintedByMark
{
    public static string Of(string? name, DateTimeOffset now)
    {
        var local = VietnamTime.ToLocal(now);
        return string.Create(CultureInfo.InvariantCulture, $"In bởi {name ?? ""} lúc {local:HH:mm} ngày {local:dd/MM/yyyy}");
    }
}
