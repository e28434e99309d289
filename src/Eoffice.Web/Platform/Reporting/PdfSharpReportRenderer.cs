using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// <see cref="IReportPdfRenderer"/> with PDFsharp (AGPL-3.0, compatible with eOffice's AGPL-3.0-or-later licence; the
/// licence is chosen once in <see cref="EnsureInitialized"/>). A4 with the serif fonts bundled in the application; text
/// is normalised to NFC (PDFsharp does no shaping) and wrapped here, word by word (a column is widened so that no word
/// of its header is broken; a <see cref="ReportColumn.NoWrap"/> value is shrunk rather than broken); table header rows
/// repeat on every page; every page ends with the printed-by mark and "Trang i/N".
/// </summary>
internal sealed class PdfSharpReportRenderer : IReportPdfRenderer
{
    private static readonly Lock InitLock = new();
    private static bool initialized;

    public static void EnsureInitialized()
    {
        lock (InitLock)
        {
            if (initialized)
            {
                return;
            }

            PdfSharp.PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is not BundledFontResolver)
            {
                GlobalFontSettings.FontResolver = new BundledFontResolver();
            }

            initialized = true;
        }
    }

    public async Task RenderAsync(PrintedReport report, Stream output, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        using var document = new PdfDocument();
        document.Info.Title = Nfc(report.Title);
        document.Info.Creator = "eOffice";
        document.Info.Author = Nfc(report.PrintedBy);
        var layout = new Layout(document, report.Landscape);
        if (report.Cover is { } cover)
        {
            layout.Cover(cover);
        }

        foreach (var block in report.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case ReportLetterhead l:
                    layout.Letterhead(l);
                    break;
                case ReportParagraph p:
                    layout.Paragraph(p);
                    break;
                case ReportTable t:
                    await layout.TableAsync(t, cancellationToken);
                    break;
            }
        }

        layout.Finish(report.PrintedBy);
        document.Save(output, false);
    }

    internal static string Nfc(string? text) => (text ?? "").Normalize(NormalizationForm.FormC);

    private sealed class Layout
    {
        private const double Margin = 42.5; // 15 mm
        private const double LeftMargin = 56.7; // 20 mm, the binding edge
        private const double FooterHeight = 22;
        private const double CellPadding = 3;

        /// <summary>The smallest size a <see cref="ReportColumn.NoWrap"/> value is shrunk to before it is wrapped after all.</summary>
        private const double MinNoWrapSize = 6.5;

        private readonly PdfDocument document;
        private readonly bool landscape;
        private readonly XFont body;
        private readonly XFont bold;
        private readonly XFont italic;
        private readonly XFont title;
        private readonly XFont small;
        private readonly XFont cellFont;
        private readonly XFont cellBold;
        private readonly Dictionary<(XFont, string), double> widths = [];
        private readonly Dictionary<double, XFont> shrunk = [];
        private readonly XPen pen = new(XColors.Black, 0.5);
        private readonly XBrush headerFill = new XSolidBrush(XColor.FromArgb(235, 235, 235));
        private readonly XGraphics measure;
        private PdfPage? page;
        private XGraphics? gfx;
        private double y;

        public Layout(PdfDocument document, bool landscape)
        {
            this.document = document;
            this.landscape = landscape;
            body = new XFont(BundledFontResolver.Family, 12, XFontStyleEx.Regular);
            bold = new XFont(BundledFontResolver.Family, 12, XFontStyleEx.Bold);
            italic = new XFont(BundledFontResolver.Family, 12, XFontStyleEx.Italic);
            title = new XFont(BundledFontResolver.Family, 14, XFontStyleEx.Bold);
            small = new XFont(BundledFontResolver.Family, 8.5, XFontStyleEx.Italic);
            cellFont = new XFont(BundledFontResolver.Family, landscape ? 9 : 10, XFontStyleEx.Regular);
            cellBold = new XFont(BundledFontResolver.Family, landscape ? 9 : 10, XFontStyleEx.Bold);
            measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        }

        private double PageWidth => landscape ? 841.89 : 595.28;

        private double PageHeight => landscape ? 595.28 : 841.89;

        private double ContentWidth => PageWidth - LeftMargin - Margin;

        private double Bottom => PageHeight - Margin - FooterHeight;

        private XGraphics G => gfx ?? NewPage();

        public void Cover(ReportCover cover)
        {
            var g = NewPage();
            y = PageHeight * 0.18;
            CenteredLines(g, cover.AgencyName.ToUpperInvariant(), bold);
            y = PageHeight * 0.38;
            CenteredLines(g, cover.Title.ToUpperInvariant(), new XFont(BundledFontResolver.Family, 22, XFontStyleEx.Bold));
            y += 18;
            foreach (var line in cover.Lines)
            {
                CenteredLines(g, line, body);
                y += 4;
            }

            EndPage();
        }

        public void Letterhead(ReportLetterhead l)
        {
            var g = G;
            var half = ContentWidth / 2;
            var leftLines = Wrap(l.Left.ToUpperInvariant(), bold, half - 10);
            var rightLines = l.Right is null ? [] : Wrap(l.Right, italic, half - 10);
            var top = y;
            foreach (var line in leftLines)
            {
                g.DrawString(line, bold, XBrushes.Black, new XRect(LeftMargin, y, half, bold.GetHeight()), XStringFormats.TopCenter);
                y += bold.GetHeight();
            }

            var leftBottom = y;
            y = top;
            foreach (var line in rightLines)
            {
                g.DrawString(line, italic, XBrushes.Black, new XRect(LeftMargin + half, y, half, italic.GetHeight()), XStringFormats.TopCenter);
                y += italic.GetHeight();
            }

            y = Math.Max(y, leftBottom) + 14;
        }

        public void Paragraph(ReportParagraph p)
        {
            var (font, centered) = p.Style switch
            {
                TextStyle.Bold or TextStyle.Heading => (bold, false),
                TextStyle.Italic => (italic, false),
                TextStyle.Title => (title, true),
                TextStyle.Centered => (italic, true),
                _ => (body, false),
            };
            if (p.Style is TextStyle.Heading)
            {
                y += 6;
            }

            var lines = Wrap(p.Text, font, ContentWidth);
            var height = font.GetHeight();
            foreach (var line in lines)
            {
                if (y + height > Bottom)
                {
                    Break();
                }

                var g = G;
                g.DrawString(line, font, XBrushes.Black, new XRect(LeftMargin, y, ContentWidth, height), centered ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                y += height;
            }

            y += p.Style is TextStyle.Title ? 8 : 3;
        }

        public async Task TableAsync(ReportTable table, CancellationToken cancellationToken)
        {
            var columnWidths = ColumnWidths(table.Columns);
            var headers = table.Columns.Select(c => c.Header).ToList();
            if (table.Caption is not null)
            {
                Paragraph(new ReportParagraph(table.Caption, TextStyle.Heading));
            }

            var headerLines = WrapRow(headers, cellBold, columnWidths, columns: null);
            var headerHeight = RowHeight(headerLines);
            var lineHeight = cellFont.GetHeight();
            if (y + headerHeight + lineHeight + (2 * CellPadding) > Bottom)
            {
                Break();
            }

            DrawRow(headerLines, headerHeight, columnWidths, table.Columns, header: true);
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                var lines = WrapRow(row, cellFont, columnWidths, table.Columns);
                var height = RowHeight(lines);
                if (y + height > Bottom)
                {
                    Break();
                    var room = Bottom - y - headerHeight;
                    if (height > room)
                    {
                        // A row taller than a page (never with the field lengths we allow): keep what fits.
                        var keep = Math.Max(1, (int)((room - 2 * CellPadding) / lineHeight));
                        lines = lines.Select(l => l.Lines.Count > keep ? l with { Lines = l.Lines.Take(keep).ToList() } : l).ToList();
                        height = RowHeight(lines);
                    }

                    DrawRow(headerLines, headerHeight, columnWidths, table.Columns, header: true);
                }

                DrawRow(lines, height, columnWidths, table.Columns, header: false);
            }

            y += 8;
        }

        public void Finish(string printedBy)
        {
            EndPage();
            if (document.PageCount == 0)
            {
                NewPage();
                EndPage();
            }

            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                var p = document.Pages[i];
                using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
                var top = PageHeight - Margin - FooterHeight + 8;
                g.DrawLine(pen, LeftMargin, top - 3, PageWidth - Margin, top - 3);
                g.DrawString(Nfc(printedBy), small, XBrushes.Black, new XRect(LeftMargin, top, ContentWidth, small.GetHeight()), XStringFormats.TopLeft);
                g.DrawString($"Trang {i + 1}/{count}", small, XBrushes.Black, new XRect(LeftMargin, top, ContentWidth, small.GetHeight()), XStringFormats.TopRight);
            }

            measure.Dispose();
        }

        private void CenteredLines(XGraphics g, string text, XFont font)
        {
            foreach (var line in Wrap(text, font, ContentWidth))
            {
                g.DrawString(line, font, XBrushes.Black, new XRect(LeftMargin, y, ContentWidth, font.GetHeight()), XStringFormats.TopCenter);
                y += font.GetHeight();
            }
        }

        /// <summary>
        /// Each column's share of the width, widened where a word of its header would not fit (a narrow "STT" is not
        /// broken into "ST" and "T"); the room is taken from the columns wider than their own header words need.
        /// </summary>
        private double[] ColumnWidths(IReadOnlyList<ReportColumn> columns)
        {
            var total = columns.Sum(c => c.Width);
            var result = columns.Select(c => c.Width / total * ContentWidth).ToArray();
            var needed = columns.Select(c => c.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Measure(Nfc(w), cellBold))
                .DefaultIfEmpty(0).Max() + (2 * CellPadding) + 0.5).ToArray();
            var missing = result.Select((w, i) => Math.Max(0, needed[i] - w)).Sum();
            var spare = result.Select((w, i) => Math.Max(0, w - needed[i])).Sum();
            if (missing == 0 || spare < missing)
            {
                return result;
            }

            for (var i = 0; i < result.Length; i++)
            {
                result[i] = result[i] < needed[i] ? needed[i] : result[i] - ((result[i] - needed[i]) / spare * missing);
            }

            return result;
        }

        private List<Cell> WrapRow(IReadOnlyList<string> cells, XFont font, double[] columnWidths, IReadOnlyList<ReportColumn>? columns)
        {
            var result = new List<Cell>(columnWidths.Length);
            for (var i = 0; i < columnWidths.Length; i++)
            {
                var text = i < cells.Count ? cells[i] : "";
                var width = columnWidths[i] - (2 * CellPadding);
                result.Add(columns?[i].NoWrap == true ? OneLine(text, font, width) : new Cell(Wrap(text, font, width), font));
            }

            return result;
        }

        /// <summary>A value kept on one line: in <paramref name="font"/> when it fits, else in the size that fits (down to <see cref="MinNoWrapSize"/>, then wrapped).</summary>
        private Cell OneLine(string text, XFont font, double width)
        {
            var value = Nfc(text).ReplaceLineEndings(" ");
            var measured = Measure(value, font);
            if (measured <= width)
            {
                return new Cell([value], font);
            }

            var size = Math.Max(MinNoWrapSize, Math.Floor(font.Size * width / measured * 10) / 10);
            if (!shrunk.TryGetValue(size, out var smaller))
            {
                shrunk[size] = smaller = new XFont(BundledFontResolver.Family, size, XFontStyleEx.Regular);
            }

            return new Cell(Wrap(value, smaller, width), smaller);
        }

        private static double RowHeight(List<Cell> cells) =>
            cells.Max(c => Math.Max(1, c.Lines.Count) * c.Font.GetHeight()) + (2 * CellPadding);

        private void DrawRow(List<Cell> cells, double height, double[] columnWidths, IReadOnlyList<ReportColumn> columns, bool header)
        {
            var g = G;
            var x = LeftMargin;
            for (var i = 0; i < columnWidths.Length; i++)
            {
                var rect = new XRect(x, y, columnWidths[i], height);
                if (header)
                {
                    g.DrawRectangle(pen, headerFill, rect);
                }
                else
                {
                    g.DrawRectangle(pen, rect);
                }

                var ly = y + CellPadding;
                var format = header || columns[i].Centered || columns[i].Numeric ? XStringFormats.TopCenter : XStringFormats.TopLeft;
                var (lines, font) = cells[i];
                var lineHeight = font.GetHeight();
                foreach (var line in lines)
                {
                    g.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, ly, columnWidths[i] - (2 * CellPadding), lineHeight), format);
                    ly += lineHeight;
                }

                x += columnWidths[i];
            }

            y += height;
        }

        /// <summary>Breaks text into lines no wider than <paramref name="width"/>: at spaces, and inside words longer than a line.</summary>
        private List<string> Wrap(string? text, XFont font, double width)
        {
            var lines = new List<string>();
            var space = Measure(" ", font);
            foreach (var paragraph in Nfc(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = new StringBuilder();
                var lineWidth = 0.0;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var w = Measure(word, font);
                    if (line.Length > 0 && lineWidth + space + w <= width)
                    {
                        line.Append(' ').Append(word);
                        lineWidth += space + w;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }

                    if (w <= width)
                    {
                        line.Append(word);
                        lineWidth = w;
                        continue;
                    }

                    // A word wider than the column (a long symbol, an e-mail address): break it by characters.
                    foreach (var ch in BreakWord(word, font, width, lines))
                    {
                        line.Append(ch);
                    }

                    lineWidth = Measure(line.ToString(), font);
                }

                lines.Add(line.ToString());
            }

            return lines;
        }

        private string BreakWord(string word, XFont font, double width, List<string> lines)
        {
            var start = 0;
            for (var end = 1; end <= word.Length; end++)
            {
                if (Measure(word[start..end], font) > width && end - 1 > start)
                {
                    lines.Add(word[start..(end - 1)]);
                    start = end - 1;
                }
            }

            return word[start..];
        }

        private double Measure(string text, XFont font)
        {
            if (!widths.TryGetValue((font, text), out var w))
            {
                w = measure.MeasureString(text, font).Width;
                if (widths.Count < 200_000)
                {
                    widths[(font, text)] = w;
                }
            }

            return w;
        }

        private XGraphics NewPage()
        {
            EndPage();
            page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
            return gfx;
        }

        private void Break()
        {
            EndPage();
            NewPage();
        }

        private void EndPage()
        {
            gfx?.Dispose();
            gfx = null;
            page = null;
        }

        /// <summary>A table cell laid out: its lines and the font they are written in.</summary>
        private sealed record Cell(List<string> Lines, XFont Font);
    }
}
