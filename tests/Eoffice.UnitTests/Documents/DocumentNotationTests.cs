using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.UnitTests.Documents;

/// <summary>The symbol (ký hiệu) of Decree 30/2020 Art. 15: built from the type, the agency and the drafting unit, and read back.</summary>
public sealed class DocumentNotationTests
{
    private static readonly DocumentType Decision = Type("QĐ");
    private static readonly DocumentType Submission = Type("TTr");
    private static readonly DocumentType Regulation = Type("QyĐ");
    private static readonly DocumentType Programme = Type("CTr");
    private static readonly DocumentType OfficialLetter = Type(DocumentTypes.OfficialLetterCode);
    private static readonly DocumentType PublicLetter = Type(DocumentTypes.PublicLetterCode);

    private static DocumentType Type(string code) => DocumentTypes.Find(code) ?? throw new InvalidOperationException(code);

    private static string Problem(string notation, DocumentType type, string? unit = null) =>
        Assert.Single(DocumentNotation.Check(notation, type, "SGTVT", unit)).Message;

    [Fact]
    public void A_decision_carries_its_type_abbreviation_then_the_agencys_with_the_vietnamese_letter_d()
    {
        var notation = DocumentNotation.For(Decision, "SGTVT", "KHTC");

        Assert.Equal("QĐ-SGTVT", notation);
        Assert.Equal('\u0110', notation[1]);
    }

    [Theory]
    [InlineData("TTr", "TTr-SGTVT")]
    [InlineData("QyĐ", "QyĐ-SGTVT")]
    [InlineData("CTr", "CTr-SGTVT")]
    [InlineData("TB", "TB-SGTVT")]
    public void Mixed_case_type_abbreviations_are_kept_as_written_and_the_agency_is_in_capitals(string code, string expected) =>
        Assert.Equal(expected, DocumentNotation.For(Type(code), " sgtvt ", null));

    [Fact]
    public void A_lower_case_d_with_stroke_in_an_agency_code_becomes_the_capital_letter_d_with_stroke() =>
        Assert.Equal("QĐ-\u0110HQG", DocumentNotation.For(Decision, "đhqg", null));

    [Fact]
    public void An_official_letter_has_the_agency_then_the_drafting_units_code_and_no_type_abbreviation() =>
        Assert.Equal("SGTVT-VP", DocumentNotation.For(OfficialLetter, "SGTVT", "vp"));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_official_letter_from_a_unit_without_a_code_has_the_agency_alone(string? unit) =>
        Assert.Equal("SGTVT", DocumentNotation.For(OfficialLetter, "SGTVT", unit));

    [Fact]
    public void A_public_letter_is_built_like_an_official_letter() =>
        Assert.Equal("SGTVT-KHTC", DocumentNotation.For(PublicLetter, "SGTVT", "KHTC"));

    [Fact]
    public void An_advisory_body_issues_under_its_own_abbreviation() =>
        Assert.Equal("QĐ-HĐTĐ", DocumentNotation.For(Decision, "HĐTĐ", null));

    [Fact]
    public void An_agency_without_an_abbreviation_cannot_build_a_notation() =>
        Assert.Throws<ArgumentException>(() => DocumentNotation.For(Decision, " ", null));

    [Fact]
    public void Parsing_reads_the_type_abbreviation_in_its_exact_case_then_the_agency()
    {
        Assert.Equal(new ParsedNotation("QĐ", "SGTVT", null), DocumentNotation.Parse("QĐ-SGTVT"));
        Assert.Equal("Quy định", DocumentNotation.Parse("QyĐ-SGTVT")?.Type?.Name);
        Assert.Equal(new ParsedNotation("TTr", "UBND", "VX"), DocumentNotation.Parse("TTr-UBND-VX"));
    }

    [Fact]
    public void Parsing_an_official_letters_notation_reads_the_agency_and_the_unit()
    {
        Assert.Equal(new ParsedNotation(null, "SGTVT", "VP"), DocumentNotation.Parse("SGTVT-VP"));
        Assert.Equal(new ParsedNotation(null, "UBND", null), DocumentNotation.Parse("UBND"));
        Assert.Null(DocumentNotation.Parse("SGTVT-VP")!.Type);
    }

    [Theory]
    [InlineData("QĐ - SGTVT")]
    [InlineData("QĐ-")]
    [InlineData("QĐ")]
    [InlineData("")]
    [InlineData(null)]
    public void Parsing_refuses_what_is_not_a_notation(string? text) => Assert.Null(DocumentNotation.Parse(text));

    [Theory]
    [InlineData("QĐ", "QĐ-SGTVT", null)]
    [InlineData("TTr", "TTr-SGTVT", "KHTC")]
    [InlineData("QyĐ", "QyĐ-SGTVT", null)]
    [InlineData(DocumentTypes.OfficialLetterCode, "SGTVT-VP", "VP")]
    [InlineData(DocumentTypes.OfficialLetterCode, "SGTVT", null)]
    public void A_notation_built_as_the_type_requires_has_no_problem(string code, string notation, string? unit) =>
        Assert.Empty(DocumentNotation.Check(notation, Type(code), "SGTVT", unit));

    [Fact]
    public void A_plain_d_instead_of_the_letter_d_with_stroke_is_refused_with_the_expected_notation()
    {
        var problem = Assert.Single(DocumentNotation.Check("QD-SGTVT", Decision, "SGTVT", null));

        Assert.Equal("codeNotation", problem.Field);
        Assert.StartsWith(
            "Ký hiệu \"QD-SGTVT\" chưa đúng: quyết định phải có ký hiệu \"QĐ-SGTVT\" (viết tắt tên loại - viết tắt tên cơ quan).",
            problem.Message, StringComparison.Ordinal);
        Assert.Contains("Viết tắt tên loại phải là \"QĐ\" (viết chữ \"Đ\", không viết \"D\"), không phải \"QD\".", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notation_in_lower_case_is_refused_group_by_group()
    {
        var message = Problem("qđ-sgtvt", Decision);

        Assert.Contains("Viết tắt tên loại phải là \"QĐ\" (viết hoa), không phải \"qđ\".", message, StringComparison.Ordinal);
        Assert.Contains("Viết tắt tên cơ quan phải là \"SGTVT\" (viết hoa), không phải \"sgtvt\".", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mixed_case_abbreviation_written_in_capitals_is_refused()
    {
        Assert.Contains("Viết tắt tên loại phải là \"QyĐ\" (giữ đúng chữ hoa, chữ thường như bảng viết tắt), không phải \"QYĐ\".",
            Problem("QYĐ-SGTVT", Regulation), StringComparison.Ordinal);
        Assert.Contains("\"TTr\"", Problem("TTR-SGTVT", Submission), StringComparison.Ordinal);
        Assert.Contains("\"CTr\"", Problem("CTR-SGTVT", Programme), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QĐ - SGTVT")]
    [InlineData("QĐ-SGTVT ")]
    [InlineData("QĐ -SGTVT")]
    public void Spaces_in_a_notation_are_refused_and_nothing_else_is_blamed(string notation)
    {
        var message = Problem(notation, Decision);

        Assert.EndsWith("(viết tắt tên loại - viết tắt tên cơ quan). Ký hiệu không có dấu cách.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_agencys_abbreviation_is_refused_naming_the_right_one() =>
        Assert.Contains("Viết tắt tên cơ quan phải là \"SGTVT\", không phải \"SXD\".", Problem("QĐ-SXD", Decision), StringComparison.Ordinal);

    [Fact]
    public void Another_types_abbreviation_is_refused_naming_the_right_one() =>
        Assert.Contains("Viết tắt tên loại phải là \"TTr\", không phải \"BC\".", Problem("BC-SGTVT", Submission), StringComparison.Ordinal);

    [Fact]
    public void The_look_alike_eth_letter_is_refused_as_not_the_vietnamese_letter() =>
        Assert.Contains("U+00D0, không phải chữ Đ (U+0110)", Problem("Q\u00D0-SGTVT", Decision), StringComparison.Ordinal);

    [Fact]
    public void An_en_dash_between_groups_is_refused() =>
        Assert.Contains("dấu gạch nối \"-\"", Problem("QĐ\u2013SGTVT", Decision), StringComparison.Ordinal);

    [Fact]
    public void An_official_letter_with_a_type_abbreviation_is_refused()
    {
        var message = Problem("CV-SGTVT-VP", OfficialLetter, "VP");

        Assert.StartsWith("Ký hiệu \"CV-SGTVT-VP\" chưa đúng: công văn phải có ký hiệu \"SGTVT-VP\" (viết tắt tên cơ quan - viết tắt tên đơn vị soạn thảo).",
            message, StringComparison.Ordinal);
        Assert.Contains("Công văn không có viết tắt tên loại: bỏ \"CV\".", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_official_letter_without_its_drafting_units_code_is_refused() =>
        Assert.Contains("Thiếu viết tắt tên đơn vị soạn thảo \"VP\".", Problem("SGTVT", OfficialLetter, "VP"), StringComparison.Ordinal);

    [Fact]
    public void An_official_letter_naming_a_unit_that_has_no_code_is_refused()
    {
        var message = Problem("SGTVT-VP", OfficialLetter);

        Assert.Contains("công văn phải có ký hiệu \"SGTVT\" (viết tắt tên cơ quan).", message, StringComparison.Ordinal);
        Assert.Contains("Thừa \"VP\".", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_official_letter_naming_another_unit_is_refused() =>
        Assert.Contains("Viết tắt tên đơn vị soạn thảo phải là \"VP\", không phải \"KHTC\".", Problem("SGTVT-KHTC", OfficialLetter, "VP"),
            StringComparison.Ordinal);

    [Fact]
    public void A_missing_notation_is_refused_with_what_the_type_requires() =>
        Assert.Equal("Chưa có ký hiệu: tờ trình phải có ký hiệu \"TTr-SGTVT\" (viết tắt tên loại - viết tắt tên cơ quan).", Problem(" ", Submission));
}
