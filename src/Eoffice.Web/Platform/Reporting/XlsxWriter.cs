using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// Writes a tabular <see cref="PrintedReport"/> (a book) as .xlsx: a cover sheet ("Bìa") and one sheet with the table,
/// its header in row 1 (repeated on every printed page), one row per line. Rows are written with the SAX
/// <see cref="OpenXmlWriter"/> as inline strings, so that a year of a large agency streams instead of being built in
/// memory. Every printed page of the sheets carries the printed-by mark and the page number in its header/footer.
/// The file is written to a temporary file that deletes itself when the returned stream is closed.
/// </summary>
public static class XlsxWriter
{
    private const uint BodyStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint CoverTitleStyle = 3;
    private const uint CoverLineStyle = 4;
    private const uint NumberStyle = 5;

    public static async Task<Stream> WriteAsync(PrintedReport report, string sheetName, CancellationToken cancellationToken)
    {
        var table = report.Blocks.OfType<ReportTable>().Single();
        var path = Path.Combine(Path.GetTempPath(), $"eoffice-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook, autoSave: true))
            {
                var workbookPart = document.AddWorkbookPart();
                workbookPart.Workbook = new Workbook();
                var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
                styles.Stylesheet = Styles();
                styles.Stylesheet.Save();

                var coverPart = workbookPart.AddNewPart<WorksheetPart>();
                WriteCover(coverPart, report);
                var tablePart = workbookPart.AddNewPart<WorksheetPart>();
                await WriteTableAsync(tablePart, report, table, cancellationToken);

                workbookPart.Workbook.AppendChild(new Sheets(
                    new Sheet { Id = workbookPart.GetIdOfPart(coverPart), SheetId = 1, Name = "Bìa" },
                    new Sheet { Id = workbookPart.GetIdOfPart(tablePart), SheetId = 2, Name = sheetName }));
                workbookPart.Workbook.AppendChild(new DefinedNames(
                    new DefinedName($"'{sheetName}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 1 }));
                workbookPart.Workbook.Save();
                document.PackageProperties.Title = report.Title;
                document.PackageProperties.Creator = "eOffice";
                document.PackageProperties.Description = report.PrintedBy;
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static void WriteCover(WorksheetPart part, PrintedReport report)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(new Column { Min = 1, Max = 1, Width = 110, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        uint row = 1;
        var cover = report.Cover ?? new ReportCover(report.AgencyName, report.Title, []);
        WriteRow(writer, row++, [cover.AgencyName.ToUpperInvariant()], CoverLineStyle);
        row += 3;
        WriteRow(writer, row++, [cover.Title.ToUpperInvariant()], CoverTitleStyle);
        row++;
        foreach (var line in cover.Lines)
        {
            WriteRow(writer, row++, [line], CoverLineStyle);
        }

        writer.WriteEndElement();
        WritePageSetup(writer, report, landscape: false);
        writer.WriteEndElement();
    }

    private static async Task WriteTableAsync(WorksheetPart part, PrintedReport report, ReportTable table, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        var columns = new Columns();
        var total = table.Columns.Sum(c => c.Width);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var width = Math.Max(6, Math.Round(table.Columns[i].Width / total * 150, 1));
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
        }

        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, table.Columns.Select(c => c.Header).ToList(), HeaderStyle);
        uint row = 2;
        await foreach (var values in table.Rows.WithCancellation(cancellationToken))
        {
            writer.WriteStartElement(new Row { RowIndex = row });
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = i < values.Count ? values[i] : "";
                var reference = CellReference(i, row);
                if (table.Columns[i].Numeric && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = NumberStyle,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    });
                }
                else
                {
                    writer.WriteElement(TextCell(reference, value, BodyStyle));
                }
            }

            writer.WriteEndElement();
            row++;
        }

        writer.WriteEndElement();
        WritePageSetup(writer, report, report.Landscape);
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint row, IReadOnlyList<string> values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteElement(TextCell(CellReference(i, row), values[i], style));
        }

        writer.WriteEndElement();
    }

    private static void WritePageSetup(OpenXmlWriter writer, PrintedReport report, bool landscape)
    {
        writer.WriteElement(new PrintOptions { HorizontalCentered = true });
        writer.WriteElement(new PageMargins { Left = 0.79, Right = 0.59, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        writer.WriteElement(new HeaderFooter(
            new OddHeader($"&L&\"Times New Roman\"&9{Escape(report.AgencyName)}&R&\"Times New Roman\"&9{Escape(report.Title)}"),
            new OddFooter($"&L&\"Times New Roman,Italic\"&8{Escape(report.PrintedBy)}&R&\"Times New Roman,Italic\"&8Trang &P/&N")));
    }

    // Spelled out: inside Eoffice.Web.Platform, "Text" is the namespace Platform.Text.
    private static Cell TextCell(string reference, string value, uint style) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    /// <summary>Header/footer codes start with '&amp;'; a literal ampersand is written twice.</summary>
    private static string Escape(string text) => PdfSharpReportRenderer.Nfc(text).Replace("&", "&&", StringComparison.Ordinal);

    /// <summary>NFC, and no control characters (which XML 1.0 cannot carry) except line breaks and tabs.</summary>
    private static string Clean(string? text)
    {
        var nfc = PdfSharpReportRenderer.Nfc(text);
        return nfc.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            ? new string(nfc.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray())
            : nfc;
    }

    private static string CellReference(int column, uint row)
    {
        var name = "";
        var n = column + 1;
        while (n > 0)
        {
            var m = (n - 1) % 26;
            name = (char)('A' + m) + name;
            n = (n - 1) / 26;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 18 }, new FontName { Val = "Times New Roman" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEBEBEB" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { FontId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
            { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center })
            { FontId = 2, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center })
            { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Top })
            { FontId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true })
        { Count = 6 });
}
