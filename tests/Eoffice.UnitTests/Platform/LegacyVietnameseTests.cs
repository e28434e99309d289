using System.Text;
using Eoffice.Web.Platform.Text;

namespace Eoffice.UnitTests.Platform;

/// <summary>
/// The legacy tables written out here independently of the converter: TCVN 5712:1993 VN3 (as Mozilla's TCVN5712
/// decoder test and X11 lcUniConv/tcvn.h give it) and VNI-Windows (xvnkb's vni.h), vowel by vowel, tone by tone
/// (none, sắc, huyền, hỏi, ngã, nặng), then đ.
/// </summary>
public sealed class LegacyVietnameseTests
{
    private const string Unicode =
        "àáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "èéẻẽẹ" + "êềếểễệ" + "ìíỉĩị" + "òóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "ùúủũụ" + "ưừứửữự" + "ỳýỷỹỵ" + "đ";

    private const string Tcvn3 =
        "µ¸¶·¹" + "¨»¾¼½Æ" + "©ÇÊÈÉË" + "ÌÐÎÏÑ" + "ªÒÕÓÔÖ" + "×ÝØÜÞ" + "ßãáâä" + "«åèæçé" + "¬êíëìî" + "ïóñòô" + "\u00ADõøö÷ù" + "úýûüþ" + "®";

    private static readonly string[] VniSequences =
    [
        "aø", "aù", "aû", "aõ", "aï",
        "aê", "aè", "aé", "aú", "aü", "aë",
        "aâ", "aà", "aá", "aå", "aã", "aä",
        "eø", "eù", "eû", "eõ", "eï",
        "eâ", "eà", "eá", "eå", "eã", "eä",
        "ì", "í", "æ", "ó", "ò",
        "oø", "où", "oû", "oõ", "oï",
        "oâ", "oà", "oá", "oå", "oã", "oä",
        "ô", "ôø", "ôù", "ôû", "ôõ", "ôï",
        "uø", "uù", "uû", "uõ", "uï",
        "ö", "öø", "öù", "öû", "öõ", "öï",
        "yø", "yù", "yû", "yõ", "î",
        "ñ",
    ];

    private const string Tcvn3UpperBases = "¡¢£¤¥¦§";
    private const string UnicodeUpperBases = "ĂÂÊÔƠƯĐ";

    public static readonly TheoryData<string> Sentences = new()
    {
        "Quyết định về việc phê duyệt kế hoạch sử dụng đất năm 2024",
        "Uỷ ban nhân dân tỉnh Ninh Bình", // TCVN3 has no toned capital outside a .VnTimeH word: files write "Uû ban"
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Sở Tài chính đề nghị các đơn vị báo cáo tình hình thực hiện dự toán ngân sách",
        "Về việc tăng cường công tác phòng, chống thiên tai",
        "Nguyễn Thị Hương, Trưởng phòng Quản lý ngân sách",
        "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc của Uỷ ban nhân dân huyện",
        "KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2025",
    };

    [Fact]
    public void The_tables_hold_every_vietnamese_letter_beyond_ascii_once()
    {
        Assert.Equal(67, Unicode.Length);
        Assert.Equal(67, Tcvn3.Length);
        Assert.Equal(67, VniSequences.Length);
        Assert.Equal(67, Unicode.Distinct().Count());
        Assert.Equal(Unicode.Order(), LegacyVietnamese.LowerLetters.Order());
        Assert.True(Unicode.ToUpperInvariant().All(char.IsUpper)); // 134 letter forms with the capitals
    }

    [Fact]
    public void Every_tcvn3_lower_case_code_point_converts_to_its_letter()
    {
        for (var i = 0; i < Unicode.Length; i++)
        {
            Assert.Equal(Unicode[i].ToString(), LegacyVietnamese.ToUnicode(Tcvn3[i].ToString(), LegacyEncoding.Tcvn3));
            Assert.Equal($"x{Unicode[i]}x", LegacyVietnamese.ToUnicode($"x{Tcvn3[i]}x", LegacyEncoding.Tcvn3));
        }
    }

    [Fact]
    public void Every_tcvn3_code_point_inside_a_capitalised_word_is_the_capital_as_the_vntimeh_fonts_draw_it()
    {
        for (var i = 0; i < Unicode.Length; i++)
        {
            var capital = char.ToUpperInvariant(Unicode[i]);
            Assert.Equal($"T{capital}N", LegacyVietnamese.ToUnicode($"T{Tcvn3[i]}N", LegacyEncoding.Tcvn3));
        }

        for (var i = 0; i < Tcvn3UpperBases.Length; i++)
        {
            Assert.Equal(UnicodeUpperBases[i].ToString(), LegacyVietnamese.ToUnicode(Tcvn3UpperBases[i].ToString(), LegacyEncoding.Tcvn3));
        }
    }

    [Fact]
    public void Every_vni_sequence_converts_to_its_letter_in_both_cases()
    {
        for (var i = 0; i < Unicode.Length; i++)
        {
            Assert.Equal(Unicode[i].ToString(), LegacyVietnamese.ToUnicode(VniSequences[i], LegacyEncoding.Vni));
            Assert.Equal(char.ToUpperInvariant(Unicode[i]).ToString(), LegacyVietnamese.ToUnicode(VniSequences[i].ToUpperInvariant(), LegacyEncoding.Vni));
        }
    }

    [Theory]
    [InlineData("Vieät Nam", "Việt Nam")]
    [InlineData("Quyeát ñònh", "Quyết định")]
    [InlineData("Ñoàng Thaùp", "Đồng Tháp")]
    [InlineData("TRÖÔØNG ÑAÏI HOÏC", "TRƯỜNG ĐẠI HỌC")]
    public void Vni_examples_convert(string vni, string expected) =>
        Assert.Equal(expected, LegacyVietnamese.ToUnicode(vni, LegacyEncoding.Vni));

    [Theory]
    [InlineData("Quy\u00D5t \u00AE\u00DEnh", "Quyết định")]
    [InlineData("QUY\u00D5T \u00A7\u00DENH", "QUYẾT ĐỊNH")]
    [InlineData("QUY\u00D5T \u00AE\u00DENH", "QUYẾT ĐỊNH")]
    [InlineData("Tr\u00AD\u00EAng", "Trường")]
    public void Tcvn3_examples_convert(string tcvn3, string expected) =>
        Assert.Equal(expected, LegacyVietnamese.ToUnicode(tcvn3, LegacyEncoding.Tcvn3));

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_tcvn3_sentence_is_detected_and_comes_back_as_written(string sentence)
    {
        var legacy = ToTcvn3(sentence);
        Assert.NotEqual(sentence, legacy);

        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.Detect(legacy));
        Assert.Equal(sentence, LegacyVietnamese.ToUnicode(legacy));
        Assert.True(LegacyVietnamese.ToUnicode(legacy).IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_vni_sentence_is_detected_and_comes_back_as_written(string sentence)
    {
        var legacy = ToVni(sentence);
        Assert.NotEqual(sentence, legacy);

        Assert.Equal(LegacyEncoding.Vni, LegacyVietnamese.Detect(legacy));
        Assert.Equal(sentence, LegacyVietnamese.ToUnicode(legacy));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Unicode_vietnamese_composed_or_decomposed_is_left_alone(string sentence)
    {
        Assert.Equal(LegacyEncoding.Unicode, LegacyVietnamese.Detect(sentence));
        Assert.Equal(sentence, LegacyVietnamese.ToUnicode(sentence));
        Assert.Equal(LegacyEncoding.Unicode, LegacyVietnamese.Detect(sentence.Normalize(NormalizationForm.FormD)));
        Assert.Equal(sentence, LegacyVietnamese.ToUnicode(sentence.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("Le café est très élégant à Paris, où l'été dure; « Bonjour » dit-il à l'élève.")]
    [InlineData("Ça été un plaisir, mère et frère réunis à Noël près de la forêt.")]
    [InlineData("Herr Müller wohnt in der Großen Straße, Köln © 2024 Microsoft® Word")]
    [InlineData("Tôi là sinh viên")]
    [InlineData("Hà Nội")]
    [InlineData("15/QĐ-UBND")]
    [InlineData("1234/STC-QLNS ngày 05/3/2024")]
    [InlineData("")]
    public void Text_that_is_not_legacy_vietnamese_is_not_converted(string text)
    {
        Assert.Equal(LegacyEncoding.Unicode, LegacyVietnamese.Detect(text));
        Assert.Equal(text.Normalize(NormalizationForm.FormC), LegacyVietnamese.ToUnicode(text));
    }

    [Fact]
    public void A_single_legacy_word_is_not_enough_to_convert()
    {
        Assert.Equal(LegacyEncoding.Unicode, LegacyVietnamese.Detect("S\u00EB"));
        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.Detect("S\u00EB T\u00B5i ch\u00DDnh"));
    }

    [Theory]
    [InlineData("Quyết", true)]
    [InlineData("nghiêng", true)]
    [InlineData("gì", true)]
    [InlineData("Trường", true)]
    [InlineData("café", false)]
    [InlineData("été", false)]
    [InlineData("trốs", false)]
    [InlineData("ộtộ", false)]
    public void A_syllable_is_recognised_by_its_vietnamese_structure(string word, bool expected) =>
        Assert.Equal(expected, LegacyVietnamese.IsVietnameseSyllable(word));

    private static string ToTcvn3(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var index = Unicode.IndexOf(lower, StringComparison.Ordinal);
            var baseIndex = UnicodeUpperBases.IndexOf(c, StringComparison.Ordinal);
            builder.Append(baseIndex >= 0 ? Tcvn3UpperBases[baseIndex] : index >= 0 ? Tcvn3[index] : c);
        }

        return builder.ToString();
    }

    private static string ToVni(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            var index = Unicode.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            builder.Append(index < 0 ? c.ToString() : char.IsUpper(c) ? VniSequences[index].ToUpperInvariant() : VniSequences[index]);
        }

        return builder.ToString();
    }
}
