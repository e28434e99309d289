using System.Globalization;

namespace Eoffice.Web.Modules.Exchange.Edxml;

/// <summary>
/// The wire format's names and value formats, in one place (QCVN 102:2016/BTTTT, amendment 1:2022; element names as in
/// the public VPCP samples, REQUIREMENTS §3.1): every element is in <see cref="Namespace"/> with prefix
/// <see cref="Prefix"/>; the signature is W3C XML-DSig inside <c>edXMLHeader</c>. Dates are <c>yyyy/MM/dd</c>;
/// timestamps <c>yyyy/MM/dd HH:mm:ss</c> in Vietnam's time (UTC+7, no daylight saving), held in UTC in code.
/// </summary>
public static class EdxmlNames
{
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public const string Prefix = "edXML";
    public const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";

    public const string Wrapper = "edXML";
    public const string Envelope = "edXMLEnvelope";
    public const string Header = "edXMLHeader";
    public const string Body = "edXMLBody";
    public const string Manifest = "edXMLManifest";
    public const string AttachmentEncoded = "AttachmentEncoded";

    public const string MessageHeader = "MessageHeader";

    /// <summary>Some implementations name the status header so; the reader accepts it as well.</summary>
    public const string Status = "Status";

    public const string DateFormat = "yyyy/MM/dd";
    public const string TimestampFormat = "yyyy/MM/dd HH:mm:ss";

    /// <summary>Vietnam's offset: timestamps on the wire are in local time.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(VietnamOffset).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), [DateFormat, "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static DateTime? ParseTimestamp(string? text) =>
        DateTime.TryParseExact(text?.Trim(), [TimestampFormat, "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, VietnamOffset).UtcDateTime
            : null;

    /// <summary>The DocumentId of QCVN samples: <c>OrganId,yyyy/MM/dd,Number/Notation</c>.</summary>
    public static string DocumentIdOf(string organId, DateOnly promulgationDate, EdxmlCode code) => $"{organId},{Date(promulgationDate)},{code}";
}
