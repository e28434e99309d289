using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// Writes a <see cref="PrintedReport"/> as a Word document (.docx): A4 in the report's orientation, Times New Roman, the
/// cover lines (when there is a cover) at the top, then each block — paragraphs, letterheads, and tables with their
/// header row repeated on every page — and on every page's footer the printed-by mark and "Trang n/N". The third writer
/// of the same report data as <see cref="IReportPdfRenderer"/> and <see cref="XlsxWriter"/>, so the three agree.
/// Tables are built in memory: meant for bounded reports (a search's at most 5,000 results), not a year's book.
/// </summary>
public static class DocxReportWriter
{
    private const string Font = "Times New Roman";

    /// <summary>A4 in twentieths of a point.</summary>
    private const uint A4Width = 11906;
    private const uint A4Height = 16838;
    private const int LeftMargin = 1701;
    private const int RightMargin = 850;

    public static async Task<byte[]> WriteAsync(PrintedReport report, CancellationToken cancellationToken)
    {
        var body = new Body();
        if (report.Cover is { } cover)
        {
            body.Append(Para(cover.AgencyName.ToUpperInvariant(), bold: true, centered: false, size: 13));
            body.Append(Para(cover.Title.ToUpperInvariant(), bold: true, centered: true, size: 16));
            foreach (var line in cover.Lines)
            {
                body.Append(Para(line, bold: false, centered: true, size: 13));
            }
        }

        var pageWidth = report.Landscape ? A4Height : A4Width;
        const int margins = LeftMargin + RightMargin;
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportParagraph p:
                    body.Append(p.Style switch
                    {
                        TextStyle.Title => Para(p.Text, bold: true, centered: true, size: 15),
                        TextStyle.Centered => Para(p.Text, bold: false, centered: true, size: 13),
                        TextStyle.Heading or TextStyle.Bold => Para(p.Text, bold: true, centered: false, size: 13),
                        TextStyle.Italic => Para(p.Text, bold: false, centered: false, size: 13, italic: true),
                        _ => Para(p.Text, bold: false, centered: false, size: 13),
                    });
                    break;
                case ReportLetterhead l:
                    body.Append(Para(l.Left, bold: true, centered: false, size: 13));
                    if (l.Right is { Length: > 0 } right)
                    {
                        body.Append(Para(right, bold: false, centered: false, size: 13, right: true));
                    }

                    break;
                case ReportTable t:
                    if (t.Caption is { Length: > 0 } caption)
                    {
                        body.Append(Para(caption, bold: true, centered: false, size: 13));
                    }

                    body.Append(await TableAsync(t, (int)pageWidth - margins, cancellationToken));
                    body.Append(new Paragraph());
                    break;
            }
        }

        body.Append(Section(report.Landscape));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(report.PrintedBy, (int)pageWidth - margins);
            var section = body.Elements<SectionProperties>().Single();
            section.InsertAt(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }, 0);
            main.Document.Save();
            document.PackageProperties.Title = Clean(report.Title);
            document.PackageProperties.Creator = "eOffice";
            document.PackageProperties.Description = Clean(report.PrintedBy);
        }

        return stream.ToArray();
    }

    private static async Task<Table> TableAsync(ReportTable table, int width, CancellationToken cancellationToken)
    {
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => (int)Math.Round(c.Width / total * width)).ToList();
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var result = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            grid);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < table.Columns.Count; i++)
        {
            header.Append(Cell(table.Columns[i].Header, widths[i], bold: true, centered: true, shaded: true));
        }

        result.Append(header);
        await foreach (var values in table.Rows.WithCancellation(cancellationToken))
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                row.Append(Cell(i < values.Count ? values[i] : "", widths[i], bold: false, centered: column.Centered || column.Numeric, shaded: false));
            }

            result.Append(row);
        }

        return result;
    }

    private static TableCell Cell(string text, int width, bool bold, bool centered, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "EBEBEB", Color = "auto" });
        }

        return new TableCell(properties, Para(text, bold, centered, size: 11, spacing: false));
    }

    private static Paragraph Para(string text, bool bold, bool centered, int size, bool italic = false, bool right = false, bool spacing = true)
    {
        var paragraphProperties = new ParagraphProperties();
        if (!spacing)
        {
            paragraphProperties.Append(new SpacingBetweenLines { Before = "0", After = "0" });
        }
        else
        {
            paragraphProperties.Append(new SpacingBetweenLines { Before = "0", After = "120" });
        }

        if (centered || right)
        {
            paragraphProperties.Append(new Justification { Val = centered ? JustificationValues.Center : JustificationValues.Right });
        }

        var paragraph = new Paragraph(paragraphProperties);
        var lines = Clean(text).Split('\n');
        var run = new Run(RunStyle(bold, italic, size));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new WordText(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static RunProperties RunStyle(bool bold, bool italic, int size)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return properties;
    }

    private static Footer Footer(string printedBy, int textWidth)
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = textWidth })),
            new Run(RunStyle(bold: false, italic: true, size: 9), new WordText(Clean(printedBy)) { Space = SpaceProcessingModeValues.Preserve }),
            new Run(RunStyle(bold: false, italic: true, size: 9), new TabChar(), new WordText("Trang ") { Space = SpaceProcessingModeValues.Preserve }));
        AppendField(paragraph, "PAGE");
        paragraph.Append(new Run(RunStyle(bold: false, italic: true, size: 9), new WordText("/")));
        AppendField(paragraph, "NUMPAGES");
        return new Footer(paragraph);
    }

    private static void AppendField(Paragraph paragraph, string field)
    {
        paragraph.Append(new Run(RunStyle(false, true, 9), new FieldChar { FieldCharType = FieldCharValues.Begin }));
        paragraph.Append(new Run(RunStyle(false, true, 9), new FieldCode($" {field} ") { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(new Run(RunStyle(false, true, 9), new FieldChar { FieldCharType = FieldCharValues.Separate }));
        paragraph.Append(new Run(RunStyle(false, true, 9), new WordText("1")));
        paragraph.Append(new Run(RunStyle(false, true, 9), new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    private static SectionProperties Section(bool landscape) => new(
        new PageSize
        {
            Width = landscape ? A4Height : A4Width,
            Height = landscape ? A4Width : A4Height,
            Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        },
        new PageMargin { Top = 1134, Bottom = 1134, Left = (uint)LeftMargin, Right = (uint)RightMargin, Header = 567, Footer = 567 });

    /// <summary>NFC, and no control characters (which XML 1.0 cannot carry) except line breaks.</summary>
    private static string Clean(string? text)
    {
        var nfc = PdfSharpReportRenderer.Nfc(text).Replace("\r\n", "\n", StringComparison.Ordinal);
        return nfc.Any(c => char.IsControl(c) && c is not '\n')
            ? new string(nfc.Where(c => !char.IsControl(c) || c is '\n').ToArray())
            : nfc;
    }
}
