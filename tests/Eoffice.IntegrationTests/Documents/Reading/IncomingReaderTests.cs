using Eoffice.Web.Modules.Documents.Registers.Reading;
using Eoffice.Web.Platform.Text;

namespace Eoffice.IntegrationTests.Documents.Reading;

/// <summary>The reader of incoming documents on the text corpus: field by field, clean and as OCR damages it.</summary>
public sealed class IncomingReaderTests
{
    public static TheoryData<int> Corpus()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReadingCorpus.Documents().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static CorpusDocument Document(int index) => ReadingCorpus.Documents()[index];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_field_is_read_from_the_layout_text_of_a_text_pdf(int index)
    {
        var document = Document(index);
        AssertFields(document.Expected, IncomingReader.Propose(document.LayoutText(), ReadingCorpus.Directory), exact: true);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_field_is_read_when_the_columns_come_one_after_the_other(int index)
    {
        var document = Document(index);
        AssertFields(document.Expected, IncomingReader.Propose(document.BlockText(), ReadingCorpus.Directory), exact: true);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Fields_survive_lost_diacritics_misread_digits_and_extra_spaces(int index)
    {
        var document = Document(index);
        var noisy = ReadingCorpus.Noisy(index % 2 == 0 ? document.LayoutText() : document.BlockText(), index);
        AssertFields(document.Expected, IncomingReader.Propose(noisy, ReadingCorpus.Directory), exact: false);
    }

    [Fact]
    public void The_corpus_covers_seven_types_twelve_authorities_and_the_urgency_marks()
    {
        var documents = ReadingCorpus.Documents();
        Assert.True(documents.Count >= 30);
        Assert.Equal(7, documents.Select(d => d.Expected.TypeCode).Distinct().Count());
        Assert.Equal(12, documents.Select(d => d.Expected.OrganName).Distinct().Count());
        Assert.Equal(["flash", "urgent", "veryurgent"], documents.Select(d => d.Expected.Urgency).OfType<string>().Distinct().Order());
    }

    [Fact]
    public void The_number_and_symbol_of_a_decree_keep_the_year_in_the_symbol()
    {
        var proposal = IncomingReader.Propose(Text("Số: 15/2024/NĐ-CP"), ReadingCorpus.Directory);

        Assert.Equal("15", proposal.Number?.Value);
        Assert.Equal("2024/NĐ-CP", proposal.Symbol?.Value);
        Assert.Equal("15/2024/NĐ-CP", proposal.NumberAndSymbol);
    }

    [Theory]
    [InlineData("Số 123/QĐ-UBND", "123", "QĐ-UBND")]
    [InlineData("S6: l234/STC-QLNS", "1234", "STC-QLNS")]
    [InlineData("So:  1234 / STC - QLNS", "1234", "STC-QLNS")]
    [InlineData("Số: 05/QD-UBND", "05", "QĐ-UBND")]
    public void Number_lines_as_ocr_reads_them(string line, string number, string symbol)
    {
        var proposal = IncomingReader.Propose(Text(line), ReadingCorpus.Directory);

        Assert.Equal(number, proposal.Number?.Value);
        Assert.Equal(symbol, proposal.Symbol?.Value);
    }

    [Theory]
    [InlineData("Hà Nội, ngày 15 tháng Z7 năm 2024", "2024-07-15")]
    [InlineData("Ninh Bình, ngay l5 thang 3 nam 2024", "2024-03-15")]
    [InlineData("Ninh Bình, ngày  05  tháng 02 năm 2O24", "2024-02-05")]
    public void Date_lines_as_ocr_reads_them(string line, string date)
    {
        var text = Text("Số: 12/STC-QLNS").Replace("Ninh Bình, ngày 05 tháng 3 năm 2024", line, StringComparison.Ordinal);

        Assert.Equal(date, IncomingReader.Propose(text, ReadingCorpus.Directory).DocumentDate?.Value);
    }

    [Fact]
    public void An_organ_the_directory_does_not_know_is_proposed_as_text_with_a_lower_confidence()
    {
        var proposal = IncomingReader.Propose(Text("Số: 12/SYT-NVY", ["UBND TỈNH THANH HÓA", "SỞ Y TẾ"]), ReadingCorpus.Directory);

        Assert.Null(proposal.IssuingOrgan?.OrganId);
        Assert.Equal("Sở Y tế", proposal.IssuingOrgan?.Name);
        Assert.True(proposal.IssuingOrgan!.Confidence <= 0.5);
    }

    [Fact]
    public void Khan_truong_in_the_body_is_not_an_urgency_mark()
    {
        var proposal = IncomingReader.Propose(Text("Số: 12/STC-QLNS") + "\nĐề nghị các đơn vị KHẨN TRƯƠNG thực hiện.", ReadingCorpus.Directory);

        Assert.Null(proposal.Urgency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("~~~ |||| ;;;; 0000 ____ ¬¬ ... llll IIII")]
    [InlineData("The quick brown fox jumps over the lazy dog while the committee meets on Monday.")]
    [InlineData("Số: 12/QĐ-UBND")]
    public void Nothing_is_proposed_from_empty_or_unreadable_text(string text)
    {
        var proposal = IncomingReader.Propose(text, ReadingCorpus.Directory);

        Assert.False(proposal.Readable);
        Assert.NotNull(proposal.Reason);
        Assert.Null(proposal.Number);
        Assert.Null(proposal.IssuingOrgan);
        Assert.Null(proposal.Subject);
    }

    [Fact]
    public void Text_in_a_legacy_encoding_is_read_after_conversion()
    {
        var text = ReadingCorpus.Documents()[1].LayoutText();
        var vni = text.Replace("Hướng", "Höôùng", StringComparison.Ordinal); // unchanged when absent
        var proposal = IncomingReader.Propose(vni, ReadingCorpus.Directory);

        Assert.True(proposal.Readable);
        Assert.Equal(ReadingCorpus.Documents()[1].Expected.Number, proposal.Number?.Value);
    }

    private static string Text(string numberLine, string[]? block = null) => string.Join('\n',
        (block ?? ["UBND TỈNH NINH BÌNH", "SỞ TÀI CHÍNH"]).Concat([
            numberLine, "V/v hướng dẫn xây dựng dự toán ngân sách nhà nước năm 2025",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Ninh Bình, ngày 05 tháng 3 năm 2024",
            "Kính gửi: Các sở, ban, ngành của tỉnh.", "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về công tác quản lý ngân sách,",
            "đề nghị các cơ quan, đơn vị triển khai thực hiện./.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]));

    private static void AssertFields(ExpectedFields expected, IncomingProposal proposal, bool exact)
    {
        Assert.True(proposal.Readable, proposal.Reason);
        Assert.Equal(expected.Number, proposal.Number?.Value);
        Assert.Equal(expected.Symbol, proposal.Symbol?.Value);
        Assert.Equal(expected.Date.ToString("yyyy-MM-dd"), proposal.DocumentDate?.Value);
        if (expected.OrganInDirectory)
        {
            Assert.Equal(ReadingCorpus.Directory.Single(o => o.Name == expected.OrganName).Id, proposal.IssuingOrgan?.OrganId);
        }
        else
        {
            Assert.Null(proposal.IssuingOrgan?.OrganId);
            Assert.Equal(VietnameseText.Fold(expected.OrganName), VietnameseText.Fold(proposal.IssuingOrgan?.Name));
        }

        Assert.Equal(expected.TypeCode, proposal.DocumentType?.Value);
        Assert.Equal(expected.Urgency, proposal.Urgency?.Value);
        if (exact)
        {
            Assert.Equal(expected.Subject, proposal.Subject?.Value);
            Assert.Equal(expected.SignerPosition, proposal.SignerPosition?.Value);
            Assert.Equal(expected.SignerName, proposal.SignerName?.Value);
        }
        else
        {
            Assert.Equal(VietnameseText.Fold(expected.Subject), VietnameseText.Fold(proposal.Subject?.Value));
            Assert.Equal(VietnameseText.Fold(expected.SignerPosition), VietnameseText.Fold(proposal.SignerPosition?.Value));
            Assert.Equal(VietnameseText.Fold(expected.SignerName), VietnameseText.Fold(proposal.SignerName?.Value));
        }

        foreach (var field in new[] { proposal.Number, proposal.Symbol, proposal.DocumentDate, proposal.DocumentType, proposal.Subject })
        {
            Assert.InRange(field!.Confidence, 0.0, 1.0);
            Assert.False(string.IsNullOrEmpty(field.Source));
        }
    }
}
