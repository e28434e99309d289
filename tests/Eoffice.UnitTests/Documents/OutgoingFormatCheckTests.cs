using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.UnitTests.Documents;

/// <summary>The clerk's format check (kiểm tra thể thức) before numbering: each wrong detail is one problem on its field, saying what is expected.</summary>
public sealed class OutgoingFormatCheckTests
{
    private static readonly DateOnly Date = new(2026, 2, 5);

    /// <summary>A decision of the transport department signed by a deputy director for the director, in the right format.</summary>
    private static readonly FormatCheckInput Decision = new()
    {
        TypeCode = "QĐ", CodeNotation = "QĐ-SGTVT", AgencyAbbreviation = "SGTVT", DraftingUnitCode = "KHTC",
        Number = 5, NumberLine = "Số: 05/QĐ-SGTVT",
        Place = "Ninh Bình", Date = Date, DateLine = "Ninh Bình, ngày 05 tháng 02 năm 2026",
        SigningAuthority = SigningAuthority.ForHead, SignerPosition = "Phó Giám đốc", SignerStanding = SignerStanding.Deputy,
        RecipientLines = ["Nơi nhận:", "- Như Điều 3;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, KHTC."],
        Subject = "Ban hành Kế hoạch kiểm tra an toàn giao thông năm 2026",
    };

    /// <summary>An official letter from the office to the finance department, signed by the director.</summary>
    private static readonly FormatCheckInput Letter = Decision with
    {
        TypeCode = DocumentTypes.OfficialLetterCode, CodeNotation = "SGTVT-VP", DraftingUnitCode = "VP",
        Number = 123, NumberLine = "Số: 123/SGTVT-VP",
        Date = new DateOnly(2026, 11, 23), DateLine = "Ninh Bình, ngày 23 tháng 11 năm 2026",
        SigningAuthority = SigningAuthority.None, SignerPosition = "Giám đốc", SignerStanding = SignerStanding.Head,
        HasAddressees = true, AddresseeLines = ["Sở Tài chính tỉnh Ninh Bình."],
        RecipientLines = ["- Như trên;", "- Lưu: VT, VP."],
        Subject = "đề nghị bố trí kinh phí sửa chữa cầu Non Nước",
    };

    private static FormatProblem Only(FormatCheckInput input) => Assert.Single(OutgoingFormatCheck.Check(input));

    private static void AssertOnly(FormatCheckInput input, string field, string expectedPart)
    {
        var problem = Only(input);
        Assert.Equal(field, problem.Field);
        Assert.Contains(expectedPart, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_in_the_right_format_passes_every_check() => Assert.Empty(OutgoingFormatCheck.Check(Decision));

    [Fact]
    public void An_official_letter_in_the_right_format_passes_every_check() => Assert.Empty(OutgoingFormatCheck.Check(Letter));

    [Fact]
    public void A_plain_d_in_the_decisions_notation_is_refused_with_the_type_and_agency_pattern()
    {
        var problem = Only(Decision with { CodeNotation = "QD-SGTVT", NumberLine = "Số: 05/QD-SGTVT" });

        Assert.Equal("codeNotation", problem.Field);
        Assert.StartsWith("Ký hiệu \"QD-SGTVT\" chưa đúng: quyết định phải có ký hiệu \"QĐ-SGTVT\" (viết tắt tên loại - viết tắt tên cơ quan).",
            problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_official_letter_with_a_type_abbreviation_in_its_notation_is_refused() =>
        AssertOnly(Letter with { CodeNotation = "CV-SGTVT-VP", NumberLine = "Số: 123/CV-SGTVT-VP" }, "codeNotation",
            "công văn phải có ký hiệu \"SGTVT-VP\"");

    [Fact]
    public void An_agency_without_an_abbreviation_is_reported_instead_of_failing() =>
        AssertOnly(Decision with { AgencyAbbreviation = null }, "codeNotation", "chưa có chữ viết tắt tên cơ quan");

    [Fact]
    public void An_unknown_type_is_reported_on_the_type() =>
        AssertOnly(Decision with { TypeCode = "XYZ" }, "typeCode", "Loại văn bản \"XYZ\" không có trong danh mục Phụ lục III");

    [Fact]
    public void A_number_below_ten_without_its_leading_zero_is_refused() =>
        AssertOnly(Decision with { NumberLine = "Số: 5/QĐ-SGTVT" }, "numberLine",
            "Dòng số \"Số: 5/QĐ-SGTVT\" chưa đúng: phải là \"Số: 05/QĐ-SGTVT\". Số nhỏ hơn 10 phải có số 0 phía trước: \"05\", không phải \"5\".");

    [Fact]
    public void A_number_of_three_digits_is_written_as_it_is() =>
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { Number = 123, NumberLine = "Số: 123/QĐ-SGTVT" }));

    [Fact]
    public void A_leading_zero_on_a_number_of_ten_or_more_is_refused() =>
        AssertOnly(Decision with { Number = 123, NumberLine = "Số: 0123/QĐ-SGTVT" }, "numberLine", "Chỉ số nhỏ hơn 10 mới có số 0 phía trước: \"123\"");

    [Theory]
    [InlineData("Số: 05 /QĐ-SGTVT", "Không có dấu cách trước và sau dấu \"/\".")]
    [InlineData("Số: 05/ QĐ-SGTVT", "Không có dấu cách trước và sau dấu \"/\".")]
    [InlineData("Số: 05/QĐ - SGTVT", "Không có dấu cách trước và sau dấu \"-\".")]
    [InlineData("Số:05/QĐ-SGTVT", "Sau \"Số:\" có đúng một dấu cách.")]
    [InlineData("Số 05/QĐ-SGTVT", "Dòng bắt đầu bằng chữ \"Số\" rồi dấu hai chấm \"Số:\".")]
    public void Spacing_and_punctuation_of_the_number_line_are_checked(string line, string reason) =>
        AssertOnly(Decision with { NumberLine = line }, "numberLine", reason);

    [Fact]
    public void A_number_line_with_another_number_than_the_one_given_is_refused() =>
        AssertOnly(Decision with { Number = 6 }, "numberLine", "phải là \"Số: 06/QĐ-SGTVT\". Số của văn bản là 06, không phải \"05\".");

    [Fact]
    public void A_number_line_with_another_notation_than_the_documents_is_refused() =>
        AssertOnly(Decision with { NumberLine = "Số: 05/TB-SGTVT" }, "numberLine", "Ký hiệu trên dòng số phải trùng ký hiệu của văn bản \"QĐ-SGTVT\".");

    [Fact]
    public void The_blank_number_line_passes_before_the_number_is_given() =>
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { Number = null, NumberLine = "Số:      /QĐ-SGTVT" }));

    [Fact]
    public void Without_the_number_given_a_single_digit_is_still_refused() =>
        AssertOnly(Decision with { Number = null, NumberLine = "Số: 7/QĐ-SGTVT" }, "numberLine", "phải là \"Số: 07/QĐ-SGTVT\"");

    [Fact]
    public void A_day_below_ten_without_its_leading_zero_is_refused() =>
        AssertOnly(Decision with { DateLine = "Ninh Bình, ngày 5 tháng 02 năm 2026" }, "dateLine",
            "Địa danh và thời gian \"Ninh Bình, ngày 5 tháng 02 năm 2026\" chưa đúng: phải là \"Ninh Bình, ngày 05 tháng 02 năm 2026\". "
            + "Ngày nhỏ hơn 10 phải có số 0 phía trước: \"ngày 05\", không phải \"ngày 5\".");

    [Theory]
    [InlineData(1, "tháng 1", "Tháng 1 và tháng 2 phải có số 0 phía trước: \"tháng 01\", không phải \"tháng 1\".")]
    [InlineData(2, "tháng 2", "Tháng 1 và tháng 2 phải có số 0 phía trước: \"tháng 02\", không phải \"tháng 2\".")]
    [InlineData(6, "tháng 06", "Từ tháng 3 đến tháng 12 không có số 0 phía trước: \"tháng 6\", không phải \"tháng 06\".")]
    [InlineData(3, "tháng 03", "Từ tháng 3 đến tháng 12 không có số 0 phía trước: \"tháng 3\", không phải \"tháng 03\".")]
    public void The_month_takes_a_leading_zero_for_january_and_february_only(int month, string written, string reason)
    {
        var date = new DateOnly(2026, month, 15);
        AssertOnly(Decision with { Date = date, DateLine = $"Ninh Bình, ngày 15 {written} năm 2026" }, "dateLine", reason);
    }

    [Theory]
    [InlineData(2026, 6, 5, "Ninh Bình, ngày 05 tháng 6 năm 2026")]
    [InlineData(2026, 11, 10, "Ninh Bình, ngày 10 tháng 11 năm 2026")]
    [InlineData(2026, 1, 31, "Ninh Bình, ngày 31 tháng 01 năm 2026")]
    public void Date_lines_written_by_the_rule_pass(int year, int month, int day, string line) =>
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { Date = new DateOnly(year, month, day), DateLine = line }));

    [Fact]
    public void A_day_of_ten_or_more_with_a_leading_zero_is_refused() =>
        AssertOnly(Decision with { Date = new DateOnly(2026, 11, 10), DateLine = "Ninh Bình, ngày 010 tháng 11 năm 2026" }, "dateLine",
            "phải là \"Ninh Bình, ngày 10 tháng 11 năm 2026\"");

    [Fact]
    public void A_date_line_showing_another_day_than_the_documents_is_refused() =>
        AssertOnly(Decision with { DateLine = "Ninh Bình, ngày 06 tháng 02 năm 2026" }, "dateLine", "Ngày ban hành của văn bản là 05/02/2026.");

    [Fact]
    public void A_date_line_with_another_place_is_refused() =>
        AssertOnly(Decision with { DateLine = "Hà Nội, ngày 05 tháng 02 năm 2026" }, "dateLine", "Địa danh là \"Ninh Bình\", không phải \"Hà Nội\".");

    [Fact]
    public void A_deputy_signing_for_the_head_with_kt_passes() =>
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { SigningAuthority = SigningAuthority.ForHead, SignerStanding = SignerStanding.Deputy }));

    [Fact]
    public void The_head_signing_with_kt_is_refused() =>
        AssertOnly(Decision with { SignerPosition = "Giám đốc", SignerStanding = SignerStanding.Head }, "signingAuthority",
            "Quyền hạn ký \"KT.\" chưa đúng với người ký (Giám đốc): người đứng đầu ký trực tiếp, không có tiền tố. "
            + "\"KT.\" chỉ dùng khi cấp phó ký thay người đứng đầu.");

    [Fact]
    public void A_deputy_signing_without_a_prefix_is_refused_and_told_to_sign_kt() =>
        AssertOnly(Decision with { SigningAuthority = SigningAuthority.None }, "signingAuthority",
            "Ký trực tiếp (không có tiền tố) chưa đúng với người ký (Phó Giám đốc): cấp phó ký thay người đứng đầu ghi \"KT.\" trước chức vụ của người đứng đầu.");

    [Fact]
    public void An_acting_head_signs_q_and_a_deputy_may_not()
    {
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { SigningAuthority = SigningAuthority.Acting, SignerStanding = SignerStanding.ActingHead }));
        AssertOnly(Decision with { SigningAuthority = SigningAuthority.Acting }, "signingAuthority", "cấp phó ký thay người đứng đầu ghi \"KT.\"");
    }

    [Fact]
    public void By_order_without_a_written_assignment_is_refused()
    {
        var chiefOfOffice = Decision with { SigningAuthority = SigningAuthority.ByOrder, SignerPosition = "Chánh Văn phòng", SignerStanding = SignerStanding.Other };

        AssertOnly(chiefOfOffice, "signingAuthority", "Quyền hạn ký \"TL.\" (thừa lệnh) cần văn bản của người đứng đầu giao cho người ký (Chánh Văn phòng) ký thừa lệnh");
        Assert.Empty(OutgoingFormatCheck.Check(chiefOfOffice with { HasSigningAuthorisation = true }));
    }

    [Fact]
    public void A_deputy_signing_by_order_is_told_to_sign_kt() =>
        AssertOnly(Decision with { SigningAuthority = SigningAuthority.ByOrder, HasSigningAuthorisation = true }, "signingAuthority",
            "Quyền hạn ký \"TL.\" chưa đúng với người ký (Phó Giám đốc): cấp phó ký thay người đứng đầu ghi \"KT.\"");

    [Fact]
    public void By_authorisation_needs_an_authorisation_in_force_on_the_signing_day()
    {
        var unitHead = Decision with
        {
            SigningAuthority = SigningAuthority.ByAuthorisation, SignerPosition = "Trưởng phòng Kế hoạch - Tài chính", SignerStanding = SignerStanding.Other,
            HasSigningAuthorisation = true, AuthorisationFrom = new DateOnly(2026, 1, 1), AuthorisationUntil = new DateOnly(2026, 12, 31),
        };

        Assert.Empty(OutgoingFormatCheck.Check(unitHead));
        AssertOnly(unitHead with { HasSigningAuthorisation = false }, "signingAuthority", "chưa có văn bản giao quyền này");
        AssertOnly(unitHead with { AuthorisationUntil = new DateOnly(2026, 1, 31) }, "signingAuthority",
            "Văn bản ủy quyền cho người ký (Trưởng phòng Kế hoạch - Tài chính) ký \"TUQ.\" đã hết hạn ngày 31/01/2026, trước ngày ký 05/02/2026.");
        AssertOnly(unitHead with { AuthorisationFrom = new DateOnly(2026, 3, 1) }, "signingAuthority", "có hiệu lực từ ngày 01/03/2026, sau ngày ký 05/02/2026");
        AssertOnly(unitHead with { AuthorisationUntil = null }, "signingAuthority", "phải có thời hạn");
    }

    [Fact]
    public void By_authorisation_is_judged_on_the_signing_day_when_it_differs_from_the_documents_date()
    {
        var unitHead = Decision with
        {
            SigningAuthority = SigningAuthority.ByAuthorisation, SignerStanding = SignerStanding.Other, HasSigningAuthorisation = true,
            AuthorisationUntil = new DateOnly(2026, 2, 4), SigningDate = new DateOnly(2026, 2, 4),
        };

        Assert.Empty(OutgoingFormatCheck.Check(unitHead));
        AssertOnly(unitHead with { SigningDate = null }, "signingAuthority", "đã hết hạn ngày 04/02/2026");
    }

    [Fact]
    public void On_behalf_of_needs_a_collective_body_and_its_head()
    {
        var chair = Decision with { SigningAuthority = SigningAuthority.OnBehalfOf, SignerPosition = "Chủ tịch", SignerStanding = SignerStanding.Head };

        AssertOnly(chair, "signingAuthority", "\"TM.\" chỉ dùng khi ký thay mặt một tập thể");
        Assert.Empty(OutgoingFormatCheck.Check(chair with { IssuerIsCollective = true }));
        AssertOnly(chair with { IssuerIsCollective = true, SigningAuthority = SigningAuthority.None }, "signingAuthority", "ghi \"TM.\" trước tên tập thể");
    }

    [Fact]
    public void A_missing_signer_position_is_refused() =>
        AssertOnly(Decision with { SignerPosition = " " }, "signerPosition", "Chưa có chức vụ của người ký.");

    [Fact]
    public void An_authority_prefix_typed_into_the_position_is_refused() =>
        AssertOnly(Decision with { SignerPosition = "KT. Giám đốc" }, "signerPosition", "Chức vụ \"KT. Giám đốc\" không ghi \"KT.\"");

    [Fact]
    public void Recipients_without_the_filing_line_are_refused() =>
        AssertOnly(Decision with { RecipientLines = ["- Như Điều 3;", "- Giám đốc Sở."] }, "recipientLines",
            "Nơi nhận phải kết thúc bằng dòng \"Lưu: VT, KHTC.\"");

    [Fact]
    public void The_filing_line_must_be_the_last() =>
        AssertOnly(Decision with { RecipientLines = ["- Lưu: VT, KHTC.", "- Như Điều 3."] }, "recipientLines", "Dòng \"Lưu: VT, KHTC.\" phải là dòng cuối của nơi nhận.");

    [Fact]
    public void The_filing_line_may_give_the_number_of_copies_kept() =>
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { RecipientLines = ["- Như Điều 3;", "- Lưu: VT, KHTC (02)."] }));

    [Theory]
    [InlineData("- Lưu: VT.", "Thiếu viết tắt tên đơn vị soạn thảo \"KHTC\" sau \"VT\".")]
    [InlineData("- Lưu: VT, VP.", "Đơn vị soạn thảo là \"KHTC\", không phải \"VP\".")]
    [InlineData("- Lưu: VT, KHTC", "Dòng kết thúc bằng dấu chấm.")]
    [InlineData("- Lưu: KHTC.", "Sau \"Lưu:\" là \"VT\" (văn thư).")]
    public void A_filing_line_without_the_clerk_the_drafting_unit_or_the_full_stop_is_refused(string line, string reason) =>
        AssertOnly(Decision with { RecipientLines = ["- Như Điều 3;", line] }, "recipientLines", reason);

    [Fact]
    public void Without_a_drafting_unit_code_the_clerk_alone_is_filed() =>
        Assert.Empty(OutgoingFormatCheck.Check(Letter with
        {
            DraftingUnitCode = null, CodeNotation = "SGTVT", NumberLine = "Số: 123/SGTVT", RecipientLines = ["- Như trên;", "- Lưu: VT."],
        }));

    [Fact]
    public void No_recipients_at_all_is_refused() =>
        AssertOnly(Decision with { RecipientLines = ["Nơi nhận:", " "] }, "recipientLines", "Chưa có nơi nhận");

    [Fact]
    public void An_official_letter_to_addressees_without_kinh_gui_is_refused() =>
        AssertOnly(Letter with { AddresseeLines = [] }, "addresseeLines", "phải có phần \"Kính gửi:\"");

    [Fact]
    public void A_decision_needs_no_kinh_gui() => Assert.Empty(OutgoingFormatCheck.Check(Decision with { HasAddressees = true }));

    [Theory]
    [InlineData("V/v đề nghị bố trí kinh phí", "\"V/v\"")]
    [InlineData("v/v: đề nghị bố trí kinh phí", "\"v/v:\"")]
    [InlineData("Về việc đề nghị bố trí kinh phí", "\"Về việc\"")]
    public void An_official_letters_subject_starting_with_vv_is_refused_because_the_layout_adds_it(string subject, string written) =>
        AssertOnly(Letter with { Subject = subject }, "subject",
            $"Trích yếu của công văn không ghi {written}: mẫu trình bày tự thêm \"V/v\" trước trích yếu; chỉ ghi \"đề nghị bố trí kinh phí\".");

    [Fact]
    public void A_decisions_subject_may_start_with_ve_viec() =>
        Assert.Empty(OutgoingFormatCheck.Check(Decision with { Subject = "Về việc ban hành Kế hoạch kiểm tra năm 2026" }));

    [Fact]
    public void An_empty_subject_is_refused() => AssertOnly(Decision with { Subject = "  " }, "subject", "Chưa có trích yếu nội dung của văn bản.");

    [Fact]
    public void A_wrong_notation_is_reported_once_even_though_the_number_line_repeats_it() =>
        AssertOnly(Decision with { CodeNotation = "QĐ - SGTVT", NumberLine = "Số: 05/QĐ - SGTVT" }, "codeNotation", "Ký hiệu không có dấu cách.");

    [Fact]
    public void Every_wrong_detail_is_reported_at_once_on_its_own_field()
    {
        var problems = OutgoingFormatCheck.Check(Letter with
        {
            CodeNotation = "SGTVT - VP", NumberLine = "Số:123/SGTVT - VP", DateLine = "Ninh Bình, ngày 23 tháng 011 năm 2026",
            SignerStanding = SignerStanding.Deputy, RecipientLines = ["- Như trên."], AddresseeLines = [], Subject = "V/v kinh phí",
        });

        Assert.Equal(["codeNotation", "numberLine", "dateLine", "signingAuthority", "recipientLines", "addresseeLines", "subject"],
            problems.Select(p => p.Field));
    }
}
