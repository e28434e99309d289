namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// What a PAdES signature says about itself (/Name /Reason /Location /ContactInfo, written as UTF-16BE text in NFC)
/// and how it looks. Without <see cref="Appearance"/> the signature is invisible (/Rect [0 0 0 0] on the first page).
/// </summary>
public sealed record PdfSignatureOptions
{
    public const int DefaultPlaceholderSize = 16 * 1024;

    /// <summary>The signature field's name (/T); unique in the document. Null picks "Signature1", "Signature2", …</summary>
    public string? FieldName { get; init; }

    public string? Name { get; init; }

    public string? Reason { get; init; }

    public string? Location { get; init; }

    public string? ContactInfo { get; init; }

    public PdfSignatureAppearance? Appearance { get; init; }

    /// <summary>Bytes of DER the /Contents placeholder holds: room for the certificate chain and a time-stamp token.</summary>
    public int PlaceholderSize { get; init; } = DefaultPlaceholderSize;
}

/// <summary>
/// A visible signature: where (page index from 0, rectangle in PDF points) and what (an optional PNG drawn to fit the
/// rectangle keeping its aspect ratio, optional text lines in Noto Serif 10 pt black drawn on top from the top-left).
/// </summary>
public sealed record PdfSignatureAppearance(int PageIndex, PdfRectangle Rectangle)
{
    public byte[]? Png { get; init; }

    public IReadOnlyList<string> TextLines { get; init; } = [];
}

/// <summary>
/// A rectangle in PDF points with the origin at the bottom-left of the page's media box, as PDF user space has it.
/// <see cref="FromTopLeft"/> converts the rectangle a user dragged in a viewer (origin top-left, y downwards).
/// </summary>
public readonly record struct PdfRectangle(double X, double Y, double Width, double Height)
{
    public static PdfRectangle FromTopLeft(double left, double top, double width, double height, double pageHeight) =>
        new(left, pageHeight - top - height, width, height);
}

/// <summary>Text written onto a page by <see cref="PdfStamper"/> (the number and date at issuance), one line per item,
/// in Noto Serif of <see cref="FontSize"/> points (10 unless told: the number and date take the size of their line).</summary>
public sealed record PdfTextStamp(int PageIndex, PdfRectangle Rectangle, IReadOnlyList<string> Lines)
{
    public double FontSize { get; init; } = PdfAppearanceWriter.FontSize;

    /// <summary>When set, a QR code of this text is drawn on the left of the box (as high as it), the lines to its right.</summary>
    public string? QrText { get; init; }
}

/// <summary>
/// The first phase of a two-phase signature, serialisable so it can be stored while a remote signer works:
/// <see cref="DocumentDigest"/> (SHA-256 of the byte ranges) is what the signer signs; the placeholder is where the
/// CMS goes (<see cref="PlaceholderOffset"/> is the file offset of its '&lt;', <see cref="PlaceholderSize"/> the DER
/// bytes it holds).
/// </summary>
public sealed record PreparedPdfSignature(
    string FieldName,
    byte[] DocumentDigest,
    long[] ByteRange,
    long PlaceholderOffset,
    int PlaceholderSize,
    DateTimeOffset SigningTime);

/// <summary>A finished signature: the field, what it covers and the certificate that signed.</summary>
public sealed record PdfSignOutcome(
    string FieldName,
    long[] ByteRange,
    byte[] DocumentDigest,
    DateTimeOffset SigningTime,
    System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate);

/// <summary>The CMS does not fit the placeholder reserved when the signature was prepared; sign again with a bigger one.</summary>
public sealed class PdfSignatureTooLargeException(int cmsSize, int placeholderSize)
    : Exception($"Chữ ký số ({cmsSize} byte) lớn hơn chỗ dành sẵn trong tệp PDF ({placeholderSize} byte); hãy ký lại với chỗ dành sẵn lớn hơn.")
{
    public int CmsSize { get; } = cmsSize;

    public int PlaceholderSize { get; } = placeholderSize;
}
