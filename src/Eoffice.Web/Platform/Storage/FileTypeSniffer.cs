using System.Text;

namespace Eoffice.Web.Platform.Storage;

/// <summary>What the sniffer decided about an upload: its real content type, or why it is refused.</summary>
public sealed record FileTypeVerdict(bool IsAllowed, string ContentType, string? RefusalReason)
{
    public static FileTypeVerdict Allow(string contentType) => new(true, contentType, null);

    public static FileTypeVerdict Refuse(string reason) => new(false, "application/octet-stream", reason);
}

/// <summary>
/// Decides what an upload really is from its first bytes (magic numbers) and, where the bytes are ambiguous, its
/// extension; the client's Content-Type is never trusted. Accepted: PDF, Office documents (OpenXML, legacy, ODF),
/// images, archives and plain UTF-8 text (TXT, CSV, XML, JSON). Refused: executables, scripts and HTML/SVG, which a
/// browser could run, and anything unrecognised.
/// </summary>
public static class FileTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see (fewer is fine for short files).</summary>
    public const int HeaderLength = 8192;

    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Doc = "application/msword";
    public const string Xls = "application/vnd.ms-excel";
    public const string Ppt = "application/vnd.ms-powerpoint";
    public const string OleCompound = "application/x-ole-storage";
    public const string Zip = "application/zip";
    public const string SevenZip = "application/x-7z-compressed";
    public const string Rar = "application/vnd.rar";
    public const string Gzip = "application/gzip";
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";
    public const string Xml = "application/xml";
    public const string Json = "application/json";

    private const string ExecutableRefusal = "Không chấp nhận tệp thực thi ({0}): tệp chương trình có thể chứa mã độc. Hãy nén tệp hoặc gửi bằng kênh khác nếu thực sự cần.";
    private const string ScriptRefusal = "Không chấp nhận tệp kịch bản/mã lệnh ({0}): tệp có thể tự chạy lệnh trên máy người mở.";
    private const string HtmlRefusal = "Không chấp nhận tệp HTML/SVG ({0}): trình duyệt có thể chạy mã lệnh nhúng trong tệp. Hãy chuyển sang PDF.";
    private const string UnknownRefusal = "Không nhận dạng được định dạng tệp ({0}). Chỉ chấp nhận PDF, văn bản Office (Word, Excel, PowerPoint, OpenDocument), ảnh (PNG, JPEG, GIF, TIFF, WebP, BMP), tệp nén (ZIP, 7z, RAR, GZIP) và văn bản thuần UTF-8 (TXT, CSV, XML).";

    private static readonly HashSet<string> ExecutableExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".msi", ".msp", ".sys", ".cpl", ".pif", ".jar", ".apk", ".app", ".elf",
        ".so", ".dylib", ".deb", ".rpm", ".class", ".lnk", ".gadget",
    };

    private static readonly HashSet<string> ScriptExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".mjs", ".cjs", ".jse", ".vbs", ".vbe", ".vb", ".ps1", ".psm1", ".psd1", ".bat", ".cmd", ".sh", ".bash",
        ".zsh", ".csh", ".ksh", ".py", ".pyw", ".pl", ".rb", ".php", ".wsf", ".wsh", ".hta", ".reg", ".inf", ".scf",
        ".msc", ".jsp", ".asp", ".aspx", ".cgi",
    };

    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".svg", ".svgz", ".xsl", ".xslt",
    };

    /// <summary>Markup that can run script wherever it appears in a text (HTML, SVG, XHTML inside XML).</summary>
    private static readonly string[] ActiveMarkup =
    [
        "<!doctype html", "<html", "<script", "<svg", "<iframe", "<frameset", "<object", "<embed",
        "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg",
    ];

    /// <summary>Tags that make a browser sniff a text as HTML when it starts with them (WHATWG MIME Sniffing §7.1).</summary>
    private static readonly string[] HtmlLeadingTags =
    [
        "<head", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p",
    ];

    /// <summary>Classifies an upload from its first bytes (<see cref="HeaderLength"/> or the whole file if shorter) and its name.</summary>
    public static FileTypeVerdict Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var shown = extension.Length > 0 ? extension : "không có phần mở rộng";

        if (IsExecutable(head) || ExecutableExtensions.Contains(extension))
        {
            return FileTypeVerdict.Refuse(string.Format(System.Globalization.CultureInfo.InvariantCulture, ExecutableRefusal, shown));
        }

        if (head.StartsWith("#!"u8) || ScriptExtensions.Contains(extension))
        {
            return FileTypeVerdict.Refuse(string.Format(System.Globalization.CultureInfo.InvariantCulture, ScriptRefusal, shown));
        }

        if (HtmlExtensions.Contains(extension))
        {
            return FileTypeVerdict.Refuse(string.Format(System.Globalization.CultureInfo.InvariantCulture, HtmlRefusal, shown));
        }

        if (SniffBinary(head, extension) is { } binary)
        {
            return FileTypeVerdict.Allow(binary);
        }

        if (IsUtf8Text(head))
        {
            if (ContainsActiveMarkup(head))
            {
                return FileTypeVerdict.Refuse(string.Format(System.Globalization.CultureInfo.InvariantCulture, HtmlRefusal, shown));
            }

            return FileTypeVerdict.Allow(TextType(head, extension));
        }

        return FileTypeVerdict.Refuse(string.Format(System.Globalization.CultureInfo.InvariantCulture, UnknownRefusal, shown));
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)                                   // Windows PE (.exe, .dll)
        || StartsWith(head, 0x7F, (byte)'E', (byte)'L', (byte)'F') // ELF (Linux)
        || StartsWith(head, 0xFE, 0xED, 0xFA, 0xCE)              // Mach-O 32-bit
        || StartsWith(head, 0xFE, 0xED, 0xFA, 0xCF)              // Mach-O 64-bit
        || StartsWith(head, 0xCE, 0xFA, 0xED, 0xFE)              // Mach-O 32-bit, little-endian
        || StartsWith(head, 0xCF, 0xFA, 0xED, 0xFE)              // Mach-O 64-bit, little-endian
        || StartsWith(head, 0xCA, 0xFE, 0xBA, 0xBE)              // Mach-O universal / Java class
        || StartsWith(head, 0x00, 0x61, 0x73, 0x6D);             // WebAssembly

    private static string? SniffBinary(ReadOnlySpan<byte> head, string extension)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (StartsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return extension switch
            {
                ".doc" or ".dot" => Doc,
                ".xls" or ".xlt" => Xls,
                ".ppt" or ".pot" or ".pps" => Ppt,
                _ => OleCompound,
            };
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return ZipFlavour(head, extension);
        }

        if (StartsWith(head, 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return "image/png";
        }

        if (StartsWith(head, 0xFF, 0xD8, 0xFF))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return "image/tiff";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (IsBitmap(head))
        {
            return "image/bmp";
        }

        if (StartsWith(head, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C))
        {
            return SevenZip;
        }

        if (head.StartsWith("Rar!\u001A\u0007"u8))
        {
            return Rar;
        }

        if (StartsWith(head, 0x1F, 0x8B))
        {
            return Gzip;
        }

        return null;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> magic) => head.StartsWith(magic);

    /// <summary>A BMP starts with "BM" and names a known DIB header size at offset 14 (so that text starting "BM…" is not an image).</summary>
    private static bool IsBitmap(ReadOnlySpan<byte> head) =>
        head.Length >= 18 && head.StartsWith("BM"u8)
        && BitConverter.ToUInt32(head[14..18]) is 12 or 40 or 52 or 56 or 64 or 108 or 124;

    private static string ZipFlavour(ReadOnlySpan<byte> head, string extension)
    {
        // ODF puts an uncompressed "mimetype" entry first (ODF 1.2 §3.3): its content is the type.
        if (head.Length > 38 && head[30..38].SequenceEqual("mimetype"u8))
        {
            var rest = head[38..];
            var end = rest.IndexOf("PK"u8);
            var mimetype = Encoding.ASCII.GetString(end >= 0 ? rest[..end] : rest[..Math.Min(rest.Length, 100)]);
            if (mimetype.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal) && mimetype.Length <= 100
                && mimetype.All(c => c is > ' ' and < (char)127))
            {
                return mimetype;
            }
        }

        var isOpenXml = head.IndexOf("[Content_Types].xml"u8) >= 0;
        var byExtension = extension switch
        {
            ".docx" or ".docm" or ".dotx" => Docx,
            ".xlsx" or ".xlsm" or ".xltx" => Xlsx,
            ".pptx" or ".pptm" or ".ppsx" or ".potx" => Pptx,
            _ => null,
        };
        if (byExtension is not null)
        {
            return byExtension;
        }

        if (isOpenXml)
        {
            if (head.IndexOf("word/"u8) >= 0)
            {
                return Docx;
            }

            if (head.IndexOf("xl/"u8) >= 0)
            {
                return Xlsx;
            }

            if (head.IndexOf("ppt/"u8) >= 0)
            {
                return Pptx;
            }
        }

        return Zip;
    }

    /// <summary>Valid UTF-8 (a sequence cut by the end of the header is fine) with no NUL or other binary control bytes.</summary>
    private static bool IsUtf8Text(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, 0xEF, 0xBB, 0xBF))
        {
            head = head[3..];
        }

        var index = 0;
        while (index < head.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(head[index..], out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData && head.Length == HeaderLength)
            {
                break;
            }

            if (status != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (rune.Value < 0x20 && rune.Value is not ('\t' or '\n' or '\r' or '\f'))
            {
                return false;
            }

            index += consumed;
        }

        return true;
    }

    private static bool ContainsActiveMarkup(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        if (ActiveMarkup.Any(tag => text.Contains(tag, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        return start.StartsWith("<!--", StringComparison.Ordinal)
            || HtmlLeadingTags.Any(tag => start.StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                && start.Length > tag.Length && start[tag.Length] is ' ' or '>' or '\t' or '\n' or '\r' or '/');
    }

    private static string TextType(ReadOnlySpan<byte> head, string extension)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return extension switch
        {
            ".csv" => Csv,
            ".xml" => Xml,
            ".json" => Json,
            _ when text.StartsWith("<?xml", StringComparison.Ordinal) => Xml,
            _ => PlainText,
        };
    }
}
