using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Eoffice.Web.Modules.Documents.Contracts;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// The placeholders a layout template carries. Each stands alone in its paragraph (it may be split across runs by the
/// editor that saved the template); the paragraph keeps the template's formatting. <see cref="Body"/>,
/// <see cref="Recipients"/> and <see cref="Addressees"/> fill several paragraphs; a paragraph whose placeholder has
/// nothing to print (no superior, no urgency, no authority, no addressees) is left out.
/// </summary>
public static class OfficialLayoutPlaceholders
{
    public const string Superior = "{{co_quan_chu_quan}}";
    public const string Issuer = "{{co_quan_ban_hanh}}";
    public const string Number = "{{so_ky_hieu}}";
    public const string PlaceAndDate = "{{dia_danh_ngay}}";
    public const string TypeName = "{{ten_loai}}";
    public const string Subject = "{{trich_yeu}}";

    /// <summary>The paragraph replaced by the paragraphs and tables of the drafter's file; a template must have it.</summary>
    public const string Body = "{{noi_dung}}";

    public const string Authority = "{{quyen_han}}";
    public const string Position = "{{chuc_vu}}";
    public const string Signer = "{{nguoi_ky}}";
    public const string Recipients = "{{noi_nhan}}";
    public const string Urgency = "{{do_khan}}";
    public const string Addressees = "{{kinh_gui}}";

    /// <summary>Where the signer's signature image goes (issue 11 stamps it); left as is by default.</summary>
    public const string Signature = "{{chu_ky}}";

    public static IReadOnlyList<string> All { get; } =
        [Superior, Issuer, Number, PlaceAndDate, TypeName, Subject, Body, Authority, Position, Signer, Recipients, Urgency, Addressees, Signature];
}

/// <summary>
/// The built-in layout templates, generated in code: one for the công văn (Phụ lục I ô 5b: "V/v …" under the number, then
/// "Kính gửi:") and one for every other type (ô 5a: the type name and subject centred under the header). Administrators
/// may replace either per type (<see cref="OutgoingTemplates"/>); the writer fills a replacement the same way.
/// </summary>
/// <remarks>
/// Sizes and styles are those of Decree 30/2020/NĐ-CP Phụ lục I, Phần I, Mục II (the rule for each element, as a range)
/// and Mục V (the table "Mẫu chữ và chi tiết trình bày thể thức", whose sample column gives one size in each range) —
/// read from the transcription of the decree's annexes in github.com/ericphan28/van-ban-plus
/// (docs/van-ban-phap-quy/nghi-dinh/30-2020-ND-CP/van-ban-goc/30.2020.NĐ-CP/Phuluc1.md; origin vanban.chinhphu.vn):
/// <list type="table">
/// <item><term>Quốc hiệu (II.1.a)</term><description>in hoa, 12–13, đứng, đậm → 12</description></item>
/// <item><term>Tiêu ngữ (II.1.b)</term><description>in thường, 13–14, đứng, đậm, a line as long as the text under it → 13, underlined</description></item>
/// <item><term>Cơ quan chủ quản (II.2.b)</term><description>in hoa, 12–13, đứng → 12</description></item>
/// <item><term>Cơ quan ban hành (II.2.b)</term><description>in hoa, 12–13, đứng, đậm, a line of 1/3–1/2 of the text under it → 12</description></item>
/// <item><term>Số, ký hiệu (II.3.c)</term><description>13, đứng</description></item>
/// <item><term>Địa danh, ngày tháng (II.4.c)</term><description>in thường, 13–14, nghiêng, on the number's line → 13</description></item>
/// <item><term>Tên loại (II.5.b)</term><description>in hoa, 13–14, đứng, đậm → 14</description></item>
/// <item><term>Trích yếu (II.5.b)</term><description>in thường, 13–14, đứng, đậm, a line of 1/3–1/2 under it → 14</description></item>
/// <item><term>Trích yếu công văn (II.5.b)</term><description>"V/v …", in thường, 12–13, đứng, 6 pt below the number → 12</description></item>
/// <item><term>Nội dung (II.6.e)</term><description>13–14, đứng, justified, first line indented 1 cm, ≥ 6 pt between paragraphs → 14</description></item>
/// <item><term>Quyền hạn, chức vụ (II.7.đ)</term><description>in hoa, 13–14, đứng, đậm → 14</description></item>
/// <item><term>Họ tên người ký (II.7.đ)</term><description>in thường, 13–14, đứng, đậm → 14</description></item>
/// <item><term>Kính gửi (II.9.d, ô 9a)</term><description>in thường, 13–14, đứng → 14</description></item>
/// <item><term>"Nơi nhận:" (II.9.d, ô 9b)</term><description>12, nghiêng, đậm; the lines 11, đứng, each from a dash</description></item>
/// <item><term>Độ khẩn (III.2.b)</term><description>in hoa, 13–14, đứng, đậm, framed, red → 13</description></item>
/// <item><term>Số trang (I.7)</term><description>13–14, đứng, centred in the top margin, none on page 1 → 13</description></item>
/// </list>
/// Page (I.1, I.3): A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm → 20, 20, 30, 15 mm.
/// Font (I.4): Times New Roman, Unicode (TCVN 6909:2001), black.
/// </remarks>
public static class OfficialLayoutTemplates
{
    public const string Font = "Times New Roman";

    /// <summary>Font sizes in points, per element (see the remarks for the rule each comes from).</summary>
    public static class Sizes
    {
        public const int NationalTitle = 12;
        public const int Motto = 13;
        public const int Superior = 12;
        public const int Issuer = 12;
        public const int Number = 13;
        public const int PlaceAndDate = 13;
        public const int TypeName = 14;
        public const int Subject = 14;
        public const int LetterSubject = 12;
        public const int Body = 14;
        public const int Authority = 14;
        public const int Signer = 14;
        public const int Addressees = 14;
        public const int RecipientsLabel = 12;
        public const int Recipients = 11;
        public const int Urgency = 13;
        public const int PageNumber = 13;
    }

    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string RecipientsLabel = "Nơi nhận:";

    /// <summary>A4 in twentieths of a point, and the margins chosen inside Phụ lục I's ranges (20, 20, 30, 15 mm).</summary>
    public static class Page
    {
        public const int Width = 11906;
        public const int Height = 16838;
        public const int Top = 1134;
        public const int Bottom = 1134;
        public const int Left = 1701;
        public const int Right = 850;

        /// <summary>The width text may use: 165 mm.</summary>
        public const int TextWidth = Width - Left - Right;

        /// <summary>The header's left column (issuer, number): 6.5 cm; the right one (Quốc hiệu, date) takes the rest.</summary>
        public const int HeaderLeftColumn = 3685;

        /// <summary>The signature block's left column (Nơi nhận): 8 cm.</summary>
        public const int SignatureLeftColumn = 4536;

        /// <summary>Paragraph first-line indent of the body (1 cm, Phụ lục I II.6.e).</summary>
        public const int FirstLineIndent = 567;
    }

    /// <summary>Red of the urgency mark ("màu đỏ tươi", Phụ lục I III.2.b).</summary>
    public const string UrgencyColor = "FF0000";

    /// <summary>The built-in template for <paramref name="typeCode"/>: the công văn's, or the one of all other types.</summary>
    public static byte[] BuiltIn(string typeCode) => IsOfficialLetter(typeCode) ? OfficialLetter() : WithTypeName();

    public static bool IsOfficialLetter(string? typeCode) => typeCode == DocumentTypes.OfficialLetterCode;

    /// <summary>The built-in template's file name, as administrators download it.</summary>
    public static string FileName(string typeCode) =>
        IsOfficialLetter(typeCode) ? "mau-cong-van.docx" : "mau-van-ban-co-ten-loai.docx";

    /// <summary>Quyết định, tờ trình, báo cáo, kế hoạch…: the type name and subject centred under the header (Phụ lục III mẫu 1.1–1.3).</summary>
    public static byte[] WithTypeName() => Build(letter: false);

    /// <summary>Công văn (Phụ lục III mẫu 1.4): "V/v …" under the number, then "Kính gửi:".</summary>
    public static byte[] OfficialLetter() => Build(letter: true);

    private static byte[] Build(bool letter)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            var (defaultHeader, firstHeader) = AddPageNumberHeaders(main);

            var body = new Body();
            body.Append(HeaderTable(letter));
            if (!letter)
            {
                body.Append(Line(OfficialLayoutPlaceholders.TypeName, Sizes.TypeName, bold: true, before: 360));
                body.Append(Line(OfficialLayoutPlaceholders.Subject, Sizes.Subject, bold: true));
                body.Append(ShortRule(Page.TextWidth, 2835));
            }

            body.Append(AddresseesParagraph(letter));
            body.Append(BodyParagraph());
            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "0" })));
            body.Append(SignatureTable());
            body.Append(Section(main.GetIdOfPart(defaultHeader), main.GetIdOfPart(firstHeader)));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Ô 1–4 as a borderless table of two rows: issuer and Quốc hiệu side by side, then the number and the date on one
    /// line (II.4.c), with the công văn's "V/v" (ô 5b) and the urgency mark (ô 10b) under the number.
    /// </summary>
    private static Table HeaderTable(bool letter)
    {
        var left = Page.HeaderLeftColumn;
        var right = Page.TextWidth - left;
        var table = BorderlessTable(left, right);

        table.Append(new TableRow(
            Cell(left,
                Line(OfficialLayoutPlaceholders.Superior, Sizes.Superior),
                Line(OfficialLayoutPlaceholders.Issuer, Sizes.Issuer, bold: true),
                ShortRule(left, 1300)),
            Cell(right,
                Line(NationalTitle, Sizes.NationalTitle, bold: true),
                Line(Motto, Sizes.Motto, bold: true, underline: true))));

        var numberCell = Cell(left, Line(OfficialLayoutPlaceholders.Number, Sizes.Number, before: 120));
        if (letter)
        {
            numberCell.Append(Line(OfficialLayoutPlaceholders.Subject, Sizes.LetterSubject, before: 120));
        }

        numberCell.Append(UrgencyParagraph());
        table.Append(new TableRow(numberCell, Cell(right, Line(OfficialLayoutPlaceholders.PlaceAndDate, Sizes.PlaceAndDate, italic: true, before: 120))));
        return table;
    }

    private static Paragraph UrgencyParagraph()
    {
        var paragraph = Line(OfficialLayoutPlaceholders.Urgency, Sizes.Urgency, bold: true, before: 120);
        var run = paragraph.GetFirstChild<Run>()!;
        run.RunProperties!.Color = new Color { Val = UrgencyColor };
        run.RunProperties.Border = new Border { Val = BorderValues.Single, Size = 6, Space = 1, Color = UrgencyColor };
        return paragraph;
    }

    /// <summary>"Kính gửi:" (ô 9a): one addressee on the line of the words, several on their own lines under the colon.</summary>
    private static Paragraph AddresseesParagraph(bool letter) =>
        Line(OfficialLayoutPlaceholders.Addressees, Sizes.Addressees, before: letter ? 360 : 240, after: 120);

    private static Paragraph BodyParagraph()
    {
        var paragraph = Line(OfficialLayoutPlaceholders.Body, Sizes.Body, before: 120, after: 120);
        paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Both };
        paragraph.ParagraphProperties.Indentation = new Indentation { FirstLine = Page.FirstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return paragraph;
    }

    /// <summary>Ô 7–9: Nơi nhận on the left, level with the authority line; authority, position, signature and name on the right.</summary>
    private static Table SignatureTable()
    {
        var left = Page.SignatureLeftColumn;
        var right = Page.TextWidth - left;
        var table = BorderlessTable(left, right);

        var label = Line(RecipientsLabel, Sizes.RecipientsLabel, bold: true, italic: true, justification: JustificationValues.Left);
        var recipients = Line(OfficialLayoutPlaceholders.Recipients, Sizes.Recipients, justification: JustificationValues.Left);
        var signature = Line(OfficialLayoutPlaceholders.Signature, Sizes.Signer, before: 480, after: 840);
        table.Append(new TableRow(
            Cell(left, label, recipients),
            Cell(right,
                Line(OfficialLayoutPlaceholders.Authority, Sizes.Authority, bold: true),
                Line(OfficialLayoutPlaceholders.Position, Sizes.Authority, bold: true),
                signature,
                Line(OfficialLayoutPlaceholders.Signer, Sizes.Signer, bold: true))));
        return table;
    }

    private static Table BorderlessTable(int left, int right)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = (left + right).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                NoBorders(),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(
                new GridColumn { Width = left.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new GridColumn { Width = right.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return table;
    }

    private static TableBorders NoBorders() => new(
        new TopBorder { Val = BorderValues.None },
        new LeftBorder { Val = BorderValues.None },
        new BottomBorder { Val = BorderValues.None },
        new RightBorder { Val = BorderValues.None },
        new InsideHorizontalBorder { Val = BorderValues.None },
        new InsideVerticalBorder { Val = BorderValues.None });

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    /// <summary>One centred line of text in Times New Roman at <paramref name="size"/> points, single spacing.</summary>
    internal static Paragraph Line(string text, int size, bool bold = false, bool italic = false, bool underline = false, int before = 0, int after = 0,
        JustificationValues? justification = null)
    {
        var paragraph = new Paragraph(new ParagraphProperties());
        var properties = paragraph.ParagraphProperties!;
        properties.SpacingBetweenLines = new SpacingBetweenLines
        {
            Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Line = "240",
            LineRule = LineSpacingRuleValues.Auto,
        };
        properties.Justification = new Justification { Val = justification ?? JustificationValues.Center };
        var runProperties = RunFormat(size, bold, italic, underline);
        properties.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = HalfPoints(size) });
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    internal static RunProperties RunFormat(int size, bool bold = false, bool italic = false, bool underline = false)
    {
        var properties = new RunProperties { RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font } };
        if (bold)
        {
            properties.Bold = new Bold();
        }

        if (italic)
        {
            properties.Italic = new Italic();
        }

        properties.FontSize = new FontSize { Val = HalfPoints(size) };
        properties.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(size) };
        if (underline)
        {
            properties.Underline = new Underline { Val = UnderlineValues.Single };
        }

        return properties;
    }

    internal static string HalfPoints(int points) => (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The short solid line under the issuer or the subject (II.2.b, II.5.b: 1/3 to 1/2 of the text's length, centred):
    /// the bottom border of an empty paragraph narrowed by equal indents to <paramref name="length"/>.
    /// </summary>
    private static Paragraph ShortRule(int width, int length)
    {
        var indent = ((width - length) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var properties = new ParagraphProperties
        {
            ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "60", LineRule = LineSpacingRuleValues.Exact },
            Indentation = new Indentation { Left = indent, Right = indent },
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "4" }),
        };
        return new Paragraph(properties);
    }

    /// <summary>Times New Roman 14 and Vietnamese as the document's defaults, so that anything typed later matches.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = HalfPoints(Sizes.Body) },
                    new FontSizeComplexScript { Val = HalfPoints(Sizes.Body) },
                    new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Normal" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            {
                Type = StyleValues.Table,
                StyleId = "TableNormal",
                Default = true,
            });
        stylesPart.Styles.Save();
    }

    /// <summary>Page numbers centred in the top margin from page 2 on (Phụ lục I I.7): a PAGE field, and an empty first-page header.</summary>
    private static (HeaderPart Default, HeaderPart First) AddPageNumberHeaders(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        var field = new SimpleField(new Run(RunFormat(Sizes.PageNumber), new Text("2"))) { Instruction = " PAGE " };
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), field);
        numbered.Header = new Header(paragraph);
        numbered.Header.Save();

        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();
        return (numbered, first);
    }

    private static SectionProperties Section(string defaultHeaderId, string firstHeaderId) =>
        new(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = defaultHeaderId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeaderId },
            new PageSize { Width = (UInt32Value)(uint)Page.Width, Height = (UInt32Value)(uint)Page.Height },
            new PageMargin
            {
                Top = Page.Top, Bottom = Page.Bottom, Left = (UInt32Value)(uint)Page.Left, Right = (UInt32Value)(uint)Page.Right,
                Header = 567, Footer = 567, Gutter = 0,
            },
            new TitlePage());
}
