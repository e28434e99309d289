using System.Buffers.Binary;
using System.Formats.Asn1;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Signing;
using PdfSharp.Drawing;

namespace Eoffice.IntegrationTests.Platform.Signing.Pdf;

/// <summary>
/// Inputs for the PDF signing tests: a PDFsharp page with Vietnamese text, hand-written files (classic xref, xref
/// stream with object streams and a PNG predictor, direct AcroForm, existing /Annots, one large stream), PNG images,
/// self-signed signers, and the independent SignedCms check over the byte ranges (TECH-NOTES §1).
/// </summary>
public static partial class PdfSamples
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    public static string TempFile(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eoffice-pdf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public static KeyHolderCmsSigner Signer(string commonName)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=UBND Tỉnh Mẫu, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var loaded = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "x"), "x", X509KeyStorageFlags.Exportable);
        return new KeyHolderCmsSigner(new Pkcs12RawSigner(loaded));
    }

    /// <summary>A one-page A4 document drawn by PDFsharp with Vietnamese text.</summary>
    public static byte[] PdfSharpVietnamese()
    {
        PdfSharpReportRenderer.EnsureInitialized();
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(BundledFontResolver.Family, 14);
            graphics.DrawString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font, XBrushes.Black, new XPoint(100, 80));
            graphics.DrawString("Quyết định về việc phê duyệt dự án đầu tư", font, XBrushes.Black, new XPoint(100, 120));
        }

        using var memory = new MemoryStream();
        document.Save(memory, false);
        return memory.ToArray();
    }

    private const string PageContent = "BT /F1 18 Tf 72 760 Td (Hand made page) Tj ET";

    /// <summary>A classic-xref file; <paramref name="catalogExtra"/> and <paramref name="pageExtra"/> go into the catalog and page dictionaries.</summary>
    public static byte[] Classic(string catalogExtra = "", string pageExtra = "", params string[] moreObjects)
    {
        var objects = new List<string>
        {
            $"<</Type/Catalog/Pages 2 0 R{catalogExtra}>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>",
            $"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R{pageExtra}>>",
            $"<</Length {PageContent.Length}>>\nstream\n{PageContent}\nendstream",
            "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        };
        objects.AddRange(moreObjects);
        var text = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(text.Length);
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f\r\n");
        foreach (var offset in offsets)
        {
            text.Append($"{offset:D10} 00000 n\r\n");
        }

        text.Append($"trailer\n<</Size {objects.Count + 1}/Root 1 0 R/ID[<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>]>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>
    /// A PDF 1.5 file whose catalog, page tree and page live in an object stream, indexed by a cross-reference stream
    /// compressed with FlateDecode and the PNG Up predictor (as ocrmypdf and Acrobat write them).
    /// </summary>
    public static byte[] XrefStreamWithObjectStreams()
    {
        var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        var contentOffset = output.Position;
        Write($"4 0 obj\n<</Length {PageContent.Length}>>\nstream\n{PageContent}\nendstream\nendobj\n");
        var fontOffset = output.Position;
        Write("5 0 obj\n<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>\nendobj\n");
        string[] compressed =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>",
            "<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        ];
        var header = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < compressed.Length; i++)
        {
            header.Append($"{i + 1} {body.Length} ");
            body.Append(compressed[i]).Append('\n');
        }

        var objectStream = Deflate(Encoding.Latin1.GetBytes(header.ToString() + body));
        var objectStreamOffset = output.Position;
        Write($"6 0 obj\n<</Type/ObjStm/N 3/First {header.Length}/Filter/FlateDecode/Length {objectStream.Length}>>\nstream\n");
        output.Write(objectStream);
        Write("\nendstream\nendobj\n");
        var xrefOffset = output.Position;
        // Rows of W [1 4 2]: type, offset or object-stream number, generation or index.
        var rows = new List<byte[]>
        {
            Row(0, 0, 65535),
            Row(2, 6, 0),
            Row(2, 6, 1),
            Row(2, 6, 2),
            Row(1, contentOffset, 0),
            Row(1, fontOffset, 0),
            Row(1, objectStreamOffset, 0),
            Row(1, xrefOffset, 0),
        };
        var predicted = new List<byte>();
        var previous = new byte[7];
        foreach (var row in rows)
        {
            predicted.Add(2);
            predicted.AddRange(row.Select((b, i) => (byte)(b - previous[i])));
            previous = row;
        }

        var xrefData = Deflate([.. predicted]);
        Write($"7 0 obj\n<</Type/XRef/Size 8/W[1 4 2]/Root 1 0 R/ID[<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>]" +
            $"/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>/Length {xrefData.Length}>>\nstream\n");
        output.Write(xrefData);
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>Writes a one-page file with an extra stream object of <paramref name="size"/> bytes to <paramref name="path"/>.</summary>
    public static void WriteLarge(string path, long size)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        var start = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Classic()).Split("xref\n")[0]);
        file.Write(start);
        var bigOffset = file.Position;
        file.Write(Encoding.ASCII.GetBytes($"6 0 obj\n<</Length {size}>>\nstream\n"));
        var chunk = new byte[1 << 20];
        new Random(7).NextBytes(chunk);
        for (long left = size; left > 0; left -= chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }

        file.Write("\nendstream\nendobj\n"u8);
        var xref = file.Position;
        var offsets = ObjectOffsets().Matches(Encoding.Latin1.GetString(start)).Select(m => (long)m.Index).ToList();
        offsets.Add(bigOffset);
        var text = new StringBuilder($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f\r\n");
        foreach (var offset in offsets)
        {
            text.Append($"{offset:D10} 00000 n\r\n");
        }

        text.Append($"trailer\n<</Size {offsets.Count + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        file.Write(Encoding.ASCII.GetBytes(text.ToString()));
    }

    /// <summary>An incremental update that replaces page 3 0 R's content with another stream (what a forger would do).</summary>
    public static void AppendContentChange(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes);
        var startxref = long.Parse(StartXref().Matches(text)[^1].Groups[1].Value);
        var size = SizeEntry().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).Max();
        var content = "BT /F1 18 Tf 72 700 Td (Forged) Tj ET";
        var update = new StringBuilder();
        var contentOffset = bytes.Length;
        update.Append($"{size} 0 obj\n<</Length {content.Length}>>\nstream\n{content}\nendstream\nendobj\n");
        var pageOffset = bytes.Length + update.Length;
        var page = PageObject().Matches(text)[^1].Groups[1].Value.Replace("/Contents 4 0 R", $"/Contents {size} 0 R");
        update.Append($"3 0 obj\n{page}\nendobj\n");
        var xref = bytes.Length + update.Length;
        update.Append($"xref\n3 1\n{pageOffset:D10} 00000 n\r\n{size} 1\n{contentOffset:D10} 00000 n\r\n");
        update.Append($"trailer\n<</Size {size + 1}/Root 1 0 R/Prev {startxref}>>\nstartxref\n{xref}\n%%EOF\n");
        File.AppendAllText(path, update.ToString(), Encoding.Latin1);
    }

    /// <summary>An RGBA PNG filled with one colour, with a fully transparent band at the top (exercises /SMask).</summary>
    public static byte[] Png(int width, int height, byte r, byte g, byte b)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.Write([r, g, b, y < height / 10 ? (byte)0 : (byte)255]);
            }
        }

        var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", Deflate(raw.ToArray()));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// The ~30-line verifier of TECH-NOTES §1: the gap is the &lt;…&gt; string, SignedCms checks the CMS over the two
    /// ranges. Throws CryptographicException when the bytes were changed.
    /// </summary>
    public static void VerifyWithSignedCms(string path)
    {
        var file = File.ReadAllBytes(path);
        var ranges = ByteRanges().Matches(Encoding.Latin1.GetString(file));
        Assert.NotEmpty(ranges);
        foreach (Match match in ranges)
        {
            var (a, b, c, d) = (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value), int.Parse(match.Groups[4].Value));
            Assert.Equal((byte)'<', file[b]);
            Assert.Equal((byte)'>', file[c - 1]);
            var raw = Convert.FromHexString(Encoding.ASCII.GetString(file, b + 1, c - b - 2));
            var der = new AsnReader(raw, AsnEncodingRules.BER).PeekEncodedValue().ToArray();
            var data = file.AsSpan(a, b).ToArray().Concat(file.AsSpan(c, d).ToArray()).ToArray();
            var cms = new SignedCms(new ContentInfo(data), detached: true);
            cms.Decode(der);
            cms.CheckSignature(verifySignatureOnly: true);
        }
    }

    private static byte[] Row(byte type, long second, int third)
    {
        var row = new byte[7];
        row[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(row.AsSpan(1), (uint)second);
        BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(5), (ushort)third);
        return row;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRanges();

    [GeneratedRegex(@"(?m)^\d+ 0 obj")]
    private static partial Regex ObjectOffsets();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Size (\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"3 0 obj\n(<<.*?>>)\nendobj", RegexOptions.Singleline)]
    private static partial Regex PageObject();
}
