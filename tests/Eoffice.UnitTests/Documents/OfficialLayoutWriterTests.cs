using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Platform.Rules;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Eoffice.UnitTests.Documents;

/// <summary>
/// The outgoing document in the layout of Decree 30/2020 Phụ lục I: what each element looks like in the .docx (font,
/// size, bold, italic, case, place), that the drafter's content comes through, and that administrators' templates are
/// filled even when Word split a placeholder over several runs.
/// </summary>
public sealed class OfficialLayoutWriterTests
{
    private static readonly OfficialLayoutWriter Writer = new();

    private static OfficialLayout Decision(Action<List<string>>? recipients = null) => new(
        "UBND tỉnh Ninh Bình",
        "Sở Giao thông vận tải",
        "Số: 05/QĐ-SGTVT",
        "Ninh Bình, ngày 05 tháng 02 năm 2026",
        "QĐ",
        "Quyết định",
        "Về việc phê duyệt kế hoạch bảo trì đường tỉnh năm 2026",
        null,
        [],
        "KT. Giám đốc",
        "Phó Giám đốc",
        "Trần Thị Bích Hạnh",
        ["Như Điều 3;", "Sở Tài chính;", "Lưu: VT, KHTC."]);

    private static OfficialLayout Letter() => new(
        "UBND TỈNH NINH BÌNH",
        "SỞ GIAO THÔNG VẬN TẢI",
        "Số:      /SGTVT-VP",
        "Ninh Bình, ngày      tháng      năm 2026",
        DocumentTypes.OfficialLetterCode,
        "Công văn",
        "góp ý dự thảo quy chế phối hợp",
        "Hỏa tốc",
        ["Sở Tài chính;", "Sở Xây dựng"],
        null,
        "Giám đốc",
        "Nguyễn Văn An",
        ["Như trên;", "Lưu: VT, VP."]);

    [Fact]
    public void A_decision_validates_and_sets_every_element_in_times_new_roman_at_the_size_and_style_of_phu_luc_i()
    {
        using var document = Open(Writer.Write(Decision(), Body(), null));

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var runs = document.MainDocumentPart!.Document.Descendants<Run>().ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal(OfficialLayoutTemplates.Font, r.RunProperties?.RunFonts?.Ascii?.Value));
        Assert.All(runs, r => Assert.Equal(OfficialLayoutTemplates.Font, r.RunProperties?.RunFonts?.HighAnsi?.Value));

        Assert.Equal(Style(12, bold: true), StyleOf(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Assert.Equal(Style(13, bold: true, underline: true), StyleOf(document, "Độc lập - Tự do - Hạnh phúc"));
        Assert.Equal(Style(12), StyleOf(document, "UBND TỈNH NINH BÌNH"));
        Assert.Equal(Style(12, bold: true), StyleOf(document, "SỞ GIAO THÔNG VẬN TẢI"));
        Assert.Equal(Style(13), StyleOf(document, "Số: 05/QĐ-SGTVT"));
        Assert.Equal(Style(13, italic: true), StyleOf(document, "Ninh Bình, ngày 05 tháng 02 năm 2026"));
        Assert.Equal(Style(14, bold: true), StyleOf(document, "QUYẾT ĐỊNH"));
        Assert.Equal(Style(14, bold: true), StyleOf(document, "Về việc phê duyệt kế hoạch bảo trì đường tỉnh năm 2026"));
        Assert.Equal(Style(14, bold: true), StyleOf(document, "KT. GIÁM ĐỐC"));
        Assert.Equal(Style(14, bold: true), StyleOf(document, "PHÓ GIÁM ĐỐC"));
        Assert.Equal(Style(14, bold: true), StyleOf(document, "Trần Thị Bích Hạnh"));
        Assert.Equal(Style(12, bold: true, italic: true), StyleOf(document, "Nơi nhận:"));
        Assert.Equal(Style(11), StyleOf(document, "- Sở Tài chính;"));
        Assert.Equal(JustificationValues.Center, Find(document, "QUYẾT ĐỊNH").ParagraphProperties?.Justification?.Val?.Value);
        Assert.DoesNotContain(Texts(document), t => t.StartsWith("V/v", StringComparison.Ordinal));
        Assert.Contains(OfficialLayoutPlaceholders.Signature, Texts(document));
        Assert.DoesNotContain(Texts(document), t => t.Contains("{{", StringComparison.Ordinal) && t != OfficialLayoutPlaceholders.Signature);
    }

    [Fact]
    public void A_decision_prints_the_header_in_two_columns_with_the_number_and_the_date_on_one_row()
    {
        using var document = Open(Writer.Write(Decision(), Body(), null));

        var header = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var rows = header.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("|", c.Elements<Paragraph>()
            .Select(OfficialLayoutWriter.TextOf).Where(t => t.Length > 0))).ToList()).ToList();
        Assert.Equal(
            [
                ["UBND TỈNH NINH BÌNH|SỞ GIAO THÔNG VẬN TẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc"],
                ["Số: 05/QĐ-SGTVT", "Ninh Bình, ngày 05 tháng 02 năm 2026"],
            ],
            rows);
        Assert.All(header.Descendants<TableBorders>().SelectMany(b => b.ChildElements.OfType<BorderType>()), b => Assert.Equal(BorderValues.None, b.Val?.Value));
    }

    [Fact]
    public void An_official_letter_puts_v_v_and_the_subject_under_the_number_then_kinh_gui_and_prints_no_type_name()
    {
        using var document = Open(Writer.Write(Letter(), Body(), null));

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var texts = Texts(document);
        Assert.DoesNotContain("CÔNG VĂN", texts);
        Assert.Equal(Style(12), StyleOf(document, "V/v góp ý dự thảo quy chế phối hợp"));
        var header = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var numberCell = header.Elements<TableRow>().ElementAt(1).Elements<TableCell>().First();
        Assert.Equal(["Số:      /SGTVT-VP", "V/v góp ý dự thảo quy chế phối hợp", "HỎA TỐC"],
            numberCell.Elements<Paragraph>().Select(OfficialLayoutWriter.TextOf).Where(t => t.Length > 0));
        // 6 pt below the number (Phụ lục I II.5.b): 120 twentieths of a point.
        Assert.Equal("120", Find(document, "V/v góp ý dự thảo quy chế phối hợp").ParagraphProperties!.SpacingBetweenLines!.Before!.Value);
        var urgency = Find(document, "HỎA TỐC").Elements<Run>().Single().RunProperties!;
        Assert.Equal((OfficialLayoutTemplates.UrgencyColor, "26", true), (urgency.Color?.Val?.Value, urgency.FontSize?.Val?.Value, urgency.Bold is not null));
        Assert.NotNull(urgency.Border);

        var addressees = texts.SkipWhile(t => t != "Kính gửi:").Take(3).ToList();
        Assert.Equal(["Kính gửi:", "- Sở Tài chính;", "- Sở Xây dựng."], addressees);
        Assert.Equal(Style(14), StyleOf(document, "- Sở Xây dựng."));
        Assert.Equal(Style(14, bold: true), StyleOf(document, "GIÁM ĐỐC"));
        Assert.Equal("Ninh Bình, ngày      tháng      năm 2026", texts.Single(t => t.StartsWith("Ninh Bình", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_addressee_stands_on_the_line_of_kinh_gui()
    {
        using var document = Open(Writer.Write(Letter() with { Addressees = ["Bộ Giao thông vận tải."] }, null, null));

        Assert.Contains("Kính gửi: Bộ Giao thông vận tải", Texts(document));
        Assert.DoesNotContain("Kính gửi:", Texts(document));
    }

    [Fact]
    public void Noi_nhan_lists_each_line_from_a_dash_and_ends_with_the_luu_line()
    {
        using var document = Open(Writer.Write(Decision(), Body(), null));

        var signatureTable = document.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
        var left = signatureTable.Descendants<TableCell>().First().Elements<Paragraph>().Select(OfficialLayoutWriter.TextOf).ToList();
        Assert.Equal(["Nơi nhận:", "- Như Điều 3;", "- Sở Tài chính;", "- Lưu: VT, KHTC."], left);
        var right = signatureTable.Descendants<TableCell>().Last().Elements<Paragraph>().Select(OfficialLayoutWriter.TextOf).ToList();
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", OfficialLayoutPlaceholders.Signature, "Trần Thị Bích Hạnh"], right);
    }

    [Fact]
    public void Without_superior_urgency_or_authority_their_lines_are_left_out_and_the_signature_space_stays()
    {
        var layout = Decision() with { SuperiorName = null, AuthorityLine = null, PositionLine = "Giám đốc", SignaturePlaceholder = null };
        using var document = Open(Writer.Write(layout, null, null));

        var texts = Texts(document);
        Assert.DoesNotContain("UBND TỈNH NINH BÌNH", texts);
        Assert.Equal("SỞ GIAO THÔNG VẬN TẢI", document.MainDocumentPart!.Document.Body!.Elements<Table>().First()
            .Descendants<TableCell>().First().Elements<Paragraph>().Select(OfficialLayoutWriter.TextOf).First());
        var right = document.MainDocumentPart.Document.Body.Elements<Table>().Last().Descendants<TableCell>().Last()
            .Elements<Paragraph>().Select(OfficialLayoutWriter.TextOf).ToList();
        Assert.Equal(["GIÁM ĐỐC", "", "Trần Thị Bích Hạnh"], right);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void The_drafters_paragraphs_and_tables_come_through_with_their_run_formatting_and_nothing_that_points_into_its_package()
    {
        using var document = Open(Writer.Write(Decision(), Body(), null));

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var texts = Texts(document);
        Assert.Contains("Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;", texts);
        Assert.Contains("Điều 1. Phê duyệt kế hoạch bảo trì kèm theo Quyết định này.", texts);
        Assert.Contains("Xem chi tiết tại cổng thông tin.", texts);
        var article = Find(document, "Điều 1. Phê duyệt kế hoạch bảo trì kèm theo Quyết định này.");
        Assert.NotNull(article.Elements<Run>().First().RunProperties!.Bold);
        Assert.Null(article.Elements<Run>().Last().RunProperties!.Bold);
        Assert.Equal("28", article.Elements<Run>().Last().RunProperties!.FontSize!.Val!.Value);
        Assert.Equal(JustificationValues.Both, article.ParagraphProperties!.Justification!.Val!.Value);
        var grounds = Find(document, "Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;").Elements<Run>().Single().RunProperties!;
        Assert.Equal(("26", true), (grounds.FontSize!.Val!.Value, grounds.Italic is not null));

        var body = document.MainDocumentPart!.Document.Body!;
        var table = body.Elements<Table>().Single(t => t.InnerText.Contains("Tuyến đường", StringComparison.Ordinal));
        Assert.Equal(["Tuyến đường", "Kinh phí", "ĐT.477", "12 tỷ đồng"], table.Descendants<TableCell>().Select(c => c.InnerText));
        Assert.Empty(body.Descendants<Drawing>());
        Assert.Empty(body.Descendants<Hyperlink>());
        Assert.Empty(body.Descendants<ParagraphStyleId>());
        Assert.Empty(body.Descendants<NumberingProperties>());
        Assert.Empty(body.Descendants<BookmarkStart>());
        Assert.DoesNotContain(body.Descendants(), e => e.GetAttributes().Any(a => a.NamespaceUri.Contains("2010/wordml", StringComparison.Ordinal)));

        // The body sits between the subject and the signature block.
        var order = texts.ToList();
        Assert.True(order.IndexOf("Về việc phê duyệt kế hoạch bảo trì đường tỉnh năm 2026") < order.IndexOf("Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;"));
        Assert.True(order.IndexOf("Điều 1. Phê duyệt kế hoạch bảo trì kèm theo Quyết định này.") < order.IndexOf("Nơi nhận:"));
    }

    [Fact]
    public void The_page_is_a4_with_margins_inside_the_ranges_of_phu_luc_i_and_numbered_from_page_two()
    {
        using var document = Open(Writer.Write(Decision(), null, null));

        var section = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.InRange(margin.Top!.Value, 1134, 1417);
        Assert.InRange(margin.Bottom!.Value, 1134, 1417);
        Assert.InRange(margin.Left!.Value, 1701u, 1984u);
        Assert.InRange(margin.Right!.Value, 850u, 1134u);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var numbered = section.Elements<HeaderReference>().Single(h => h.Type?.Value == HeaderFooterValues.Default);
        var header = ((HeaderPart)document.MainDocumentPart.GetPartById(numbered.Id!)).Header;
        Assert.Contains(header.Descendants<SimpleField>(), f => f.Instruction?.Value?.Trim() == "PAGE");
    }

    [Fact]
    public void An_administrators_template_is_filled_even_where_word_split_a_placeholder_over_several_runs()
    {
        var template = Template(
            ["{{co_quan_ban_", "hanh}}"],
            ["Số hiệu: ", "{{so_", "ky_hieu", "}}", " — ", "{{dia_danh_ngay}}"],
            ["{{ten_loai}}"],
            ["{{", "trich_yeu}}"],
            ["{{noi_dung}}"],
            ["{{quyen_han}}"],
            ["{{chuc_vu}}"],
            ["{{nguoi_ky}}"],
            ["{{noi_nhan}}"]);

        using var document = Open(Writer.Write(Decision(), Body(), new MemoryStream(template)));

        var texts = Texts(document);
        Assert.Equal("SỞ GIAO THÔNG VẬN TẢI", texts[0]);
        Assert.Contains("Số hiệu: Số: 05/QĐ-SGTVT — Ninh Bình, ngày 05 tháng 02 năm 2026", texts);
        Assert.Contains("QUYẾT ĐỊNH", texts);
        Assert.Contains("Về việc phê duyệt kế hoạch bảo trì đường tỉnh năm 2026", texts);
        Assert.Contains("Điều 1. Phê duyệt kế hoạch bảo trì kèm theo Quyết định này.", texts);
        Assert.Equal(["- Như Điều 3;", "- Sở Tài chính;", "- Lưu: VT, KHTC."], texts.TakeLast(3));
        Assert.DoesNotContain(texts, t => t.Contains("{{", StringComparison.Ordinal));
        // The template's own formatting of the placeholder's first run is kept.
        Assert.NotNull(Find(document, "SỞ GIAO THÔNG VẬN TẢI").Elements<Run>().First().RunProperties!.Bold);
        Assert.All(document.MainDocumentPart!.Document.Descendants<Run>(), r => Assert.Equal(OfficialLayoutTemplates.Font, r.RunProperties!.RunFonts!.Ascii!.Value));
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void Texts_are_printed_in_nfc_and_a_value_that_reads_like_a_placeholder_stays_as_typed()
    {
        var decomposed = "Về việc tổ chức hội nghị".Normalize(NormalizationForm.FormD);
        using var document = Open(Writer.Write(Decision() with { Subject = decomposed + " {{so_ky_hieu}}", SignerName = "Trần Thị Bích Hạnh".Normalize(NormalizationForm.FormD) }, null, null));

        var texts = Texts(document);
        Assert.Contains("Về việc tổ chức hội nghị {{so_ky_hieu}}", texts);
        Assert.Contains("Trần Thị Bích Hạnh", texts);
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));
    }

    [Fact]
    public void A_template_needs_the_body_placeholder_and_must_be_a_docx()
    {
        Assert.Null(OfficialLayoutWriter.CheckTemplate(new MemoryStream(OfficialLayoutTemplates.WithTypeName())));
        Assert.Null(OfficialLayoutWriter.CheckTemplate(new MemoryStream(OfficialLayoutTemplates.OfficialLetter())));
        Assert.Null(OfficialLayoutWriter.CheckTemplate(new MemoryStream(Template(["{{noi_", "dung}}"]))));
        Assert.Equal("Mẫu phải có một đoạn chứa {{noi_dung}} (nơi đặt nội dung văn bản).",
            OfficialLayoutWriter.CheckTemplate(new MemoryStream(Template(["{{trich_yeu}}"]))));
        Assert.Equal(OfficialLayoutWriter.NotADocxMessage, OfficialLayoutWriter.CheckTemplate(new MemoryStream("%PDF-1.4 không phải docx"u8.ToArray())));
        var rule = Assert.Throws<RuleException>(() => Writer.Write(Decision(), new MemoryStream("không phải docx"u8.ToArray()), null));
        Assert.Equal(RuleKind.Invalid, rule.Kind);
    }

    [Fact]
    public void Each_built_in_template_validates_and_holds_the_placeholders_of_its_kind()
    {
        foreach (var (template, expected, absent) in new[]
                 {
                     (OfficialLayoutTemplates.WithTypeName(), OfficialLayoutPlaceholders.TypeName, (string?)null),
                     (OfficialLayoutTemplates.OfficialLetter(), OfficialLayoutPlaceholders.Addressees, OfficialLayoutPlaceholders.TypeName),
                 })
        {
            using var document = Open(template);
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var texts = Texts(document);
            Assert.Contains(expected, texts);
            Assert.Contains(OfficialLayoutPlaceholders.Body, texts);
            if (absent is not null)
            {
                Assert.DoesNotContain(absent, texts);
            }
        }
    }

    private sealed record RunStyle(string? Font, string? Size, bool Bold, bool Italic, bool Underline);

    private static RunStyle Style(int points, bool bold = false, bool italic = false, bool underline = false) =>
        new(OfficialLayoutTemplates.Font, (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), bold, italic, underline);

    /// <summary>The style of the paragraph's runs, which must all be alike.</summary>
    private static RunStyle StyleOf(WordprocessingDocument document, string text)
    {
        var styles = Find(document, text).Descendants<Run>().Where(r => r.InnerText.Length > 0).Select(r => r.RunProperties).Select(p => new RunStyle(
            p?.RunFonts?.Ascii?.Value, p?.FontSize?.Val?.Value, p?.Bold is not null, p?.Italic is not null,
            p?.Underline?.Val?.Value is { } u && u != UnderlineValues.None)).Distinct().ToList();
        return Assert.Single(styles);
    }

    private static Paragraph Find(WordprocessingDocument document, string text) =>
        document.MainDocumentPart!.Document.Descendants<Paragraph>().First(p => OfficialLayoutWriter.TextOf(p) == text);

    private static List<string> Texts(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(OfficialLayoutWriter.TextOf).Where(t => t.Length > 0).ToList();

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>A template of one paragraph per entry, each entry's pieces in runs of their own (as Word saves an edited placeholder), the first bold.</summary>
    private static byte[] Template(params string[][] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(pieces => new Paragraph(pieces.Select((piece, i) =>
                new Run(new RunProperties(i == 0 ? new Bold() : new Italic()), new Text(piece) { Space = SpaceProcessingModeValues.Preserve }))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A drafter's file as Word writes one: a style and a numbered list the layout does not have, a bookmark, a
    /// hyperlink to a web page, an image, Word 2010 paragraph ids, a table.
    /// </summary>
    private static byte[] BodyFile()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new Style(new StyleName { Val = "Căn cứ" }) { Type = StyleValues.Paragraph, StyleId = "CanCu" });
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            var link = main.AddHyperlinkRelationship(new Uri("https://sogtvt.ninhbinh.gov.vn/"), true);

            var grounds = new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "CanCu" }),
                new BookmarkStart { Id = "0", Name = "can_cu" },
                new Run(new RunProperties(new Italic(), new FontSize { Val = "26" }), new Text("Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;")),
                new BookmarkEnd { Id = "0" });
            var article = new Paragraph(
                new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
                new Run(new RunProperties(new RunFonts { AsciiTheme = ThemeFontValues.MinorHighAnsi }, new Bold()), new Text("Điều 1.") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new FontSize { Val = "20" }), new Text(" Phê duyệt kế hoạch bảo trì kèm theo Quyết định này.") { Space = SpaceProcessingModeValues.Preserve }))
            {
                ParagraphId = "1A2B3C4D",
                TextId = "77777777",
            };
            var withLink = new Paragraph(new Hyperlink(new Run(new Text("Xem chi tiết tại cổng thông tin."))) { Id = link.Id });
            var image = new Paragraph(new Run(new Drawing(new Wp.Inline(
                new Wp.Extent { Cx = 914400, Cy = 914400 },
                new Wp.DocProperties { Id = 1U, Name = "Logo" }))));
            var table = new Table(
                new TableProperties(new TableStyle { Val = "LuoiBang" }),
                new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "4000" }),
                new TableRow(Cell("Tuyến đường"), Cell("Kinh phí")),
                new TableRow(Cell("ĐT.477"), Cell("12 tỷ đồng")));
            main.Document = new Document(new Body(grounds, article, withLink, image, table, new SectionProperties(new PageSize { Width = 12240, Height = 15840 })));
            main.Document.Save();
        }

        return stream.ToArray();

        static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));
    }

    private static MemoryStream Body() => new(BodyFile());
}
