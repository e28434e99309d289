using System.Globalization;
using System.Text;
using Eoffice.Web.Platform.Reporting;
using PdfSharp.Drawing;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Writes the normal appearance (/AP /N) of a visible signature or stamp as form XObjects: the PNG as an image (with
/// an /SMask for its transparency) scaled to fit the rectangle keeping its aspect ratio and centred, and the text
/// lines on top. Text is drawn by PDFsharp into a throw-away one-page PDF the size of the rectangle (Noto Serif, 10 pt unless told,
/// embedded Identity-H with ToUnicode, so pdftotext and screen readers get the Vietnamese back); its content stream and
/// resources are then copied under new numbers, read with our own reader.
/// </summary>
internal static class PdfAppearanceWriter
{
    public const double FontSize = 10;
    private const double Padding = 2;

    public static PdfReference Write(PdfIncrementalUpdate update, double width, double height, byte[]? png, IReadOnlyList<string> lines,
        double fontSize = FontSize, string? qrText = null)
    {
        var xobjects = new PdfDictionary();
        var content = new StringBuilder();
        var textLeft = 0.0;
        if (qrText is not null)
        {
            // A QR code as filled squares (crisp at any zoom and in print), a square as high as the box, on its left.
            using var generator = new QRCoder.QRCodeGenerator();
            using var data = generator.CreateQrCode(qrText, QRCoder.QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var side = Math.Min(width, height);
            var module = side / matrix.Count;
            content.Append("0 g\n");
            for (var row = 0; row < matrix.Count; row++)
            {
                for (var col = 0; col < matrix[row].Count; col++)
                {
                    if (matrix[row][col])
                    {
                        content.Append(CultureInfo.InvariantCulture, $"{N(col * module)} {N(height - ((row + 1) * module))} {N(module)} {N(module)} re\n");
                    }
                }
            }

            content.Append("f\n");
            textLeft = side + Padding;
        }

        if (png is not null)
        {
            var image = PngImage.Decode(png);
            xobjects["Img"] = WriteImage(update, image);
            var scale = Math.Min(width / image.Width, height / image.Height);
            var w = image.Width * scale;
            var h = image.Height * scale;
            content.Append(CultureInfo.InvariantCulture, $"q {N(w)} 0 0 {N(h)} {N((width - w) / 2)} {N((height - h) / 2)} cm /Img Do Q\n");
        }

        var text = lines.Select(l => l.Normalize(NormalizationForm.FormC)).Where(l => l.Length > 0).ToList();
        if (text.Count > 0)
        {
            xobjects["Txt"] = WriteText(update, width - textLeft, height, text, fontSize);
            content.Append(CultureInfo.InvariantCulture, $"q 1 0 0 1 {N(textLeft)} 0 cm /Txt Do Q\n");
        }

        var form = new PdfDictionary();
        form["Type"] = new PdfName("XObject");
        form["Subtype"] = new PdfName("Form");
        form["BBox"] = Box(width, height);
        var resources = new PdfDictionary();
        resources["XObject"] = xobjects;
        form["Resources"] = resources;
        var reference = update.Allocate();
        update.Write(reference, new PdfStream(form, -1, Encoding.ASCII.GetBytes(content.ToString())));
        return reference;
    }

    public static PdfArray Box(double width, double height) =>
        new([new PdfNumber(0L), new PdfNumber(0L), new PdfNumber(width), new PdfNumber(height)]);

    private static PdfReference WriteImage(PdfIncrementalUpdate update, PngImage image)
    {
        var dictionary = ImageDictionary(image.Width, image.Height, image.IsRgb ? "DeviceRGB" : "DeviceGray");
        if (image.Alpha is { } alpha)
        {
            var mask = update.Allocate();
            update.Write(mask, new PdfStream(ImageDictionary(image.Width, image.Height, "DeviceGray"), -1, PdfStreams.Deflate(alpha)));
            dictionary["SMask"] = mask;
        }

        var reference = update.Allocate();
        update.Write(reference, new PdfStream(dictionary, -1, PdfStreams.Deflate(image.Color)));
        return reference;
    }

    private static PdfDictionary ImageDictionary(int width, int height, string colorSpace)
    {
        var dictionary = new PdfDictionary();
        dictionary["Type"] = new PdfName("XObject");
        dictionary["Subtype"] = new PdfName("Image");
        dictionary["Width"] = new PdfNumber(width);
        dictionary["Height"] = new PdfNumber(height);
        dictionary["ColorSpace"] = new PdfName(colorSpace);
        dictionary["BitsPerComponent"] = new PdfNumber(8L);
        dictionary["Filter"] = new PdfName("FlateDecode");
        return dictionary;
    }

    private static PdfReference WriteText(PdfIncrementalUpdate update, double width, double height, IReadOnlyList<string> lines, double fontSize)
    {
        PdfSharpReportRenderer.EnsureInitialized();
        byte[] drawn;
        using (var document = new PdfSharp.Pdf.PdfDocument())
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(width);
            page.Height = XUnit.FromPoint(height);
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                var font = new XFont(BundledFontResolver.Family, fontSize);
                var lineHeight = font.GetHeight();
                var y = Padding;
                foreach (var line in lines)
                {
                    graphics.DrawString(line, font, XBrushes.Black, new XRect(Padding, y, Math.Max(1, width - (2 * Padding)), lineHeight), XStringFormats.TopLeft);
                    y += lineHeight;
                }
            }

            using var memory = new MemoryStream();
            document.Save(memory, false);
            drawn = memory.ToArray();
        }

        using var small = new MemoryStream(drawn);
        var view = new PdfFileReader(small).Latest;
        var drawnPage = view.Pages()[0];
        var contents = view.Resolve(drawnPage.Dictionary["Contents"]) switch
        {
            PdfStream s => [s],
            PdfArray a => a.Items.Select(view.Resolve).OfType<PdfStream>().ToList(),
            _ => new List<PdfStream>(),
        };
        var data = new MemoryStream();
        foreach (var stream in contents)
        {
            data.Write(view.DecodedData(stream));
            data.WriteByte((byte)'\n');
        }

        var form = new PdfDictionary();
        form["Type"] = new PdfName("XObject");
        form["Subtype"] = new PdfName("Form");
        form["BBox"] = Box(width, height);
        form["Resources"] = drawnPage.Resources is { } resources ? update.Import(view, resources, []) : new PdfDictionary();
        form["Filter"] = new PdfName("FlateDecode");
        var reference = update.Allocate();
        update.Write(reference, new PdfStream(form, -1, PdfStreams.Deflate(data.ToArray())));
        return reference;
    }

    private static string N(double value) => new PdfNumber(value).Text;
}
