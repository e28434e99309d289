using System.Text;
using Eoffice.Web.Modules.Search;

namespace Eoffice.UnitTests.Search;

public sealed class SearchTextTests
{
    [Fact]
    public void Words_are_folded_and_split_on_anything_but_letters_and_digits()
    {
        Assert.Equal(["quyet", "dinh", "so", "12345", "qd", "ubnd"], SearchText.Tokens("Quyết ĐỊNH số 12345/QĐ-UBND"));
        Assert.Equal(SearchText.Tokens("Quyết định đường"), SearchText.Tokens("Quyết định đường".Normalize(NormalizationForm.FormD)));
        Assert.Equal(["or", "1", "1"], SearchText.Tokens("' OR 1=1 --"));
        Assert.Empty(SearchText.Tokens("\"*^():-/ "));
        Assert.Equal(2, SearchText.Tokens("a b c d", 2).Count);
    }

    [Fact]
    public void Codes_are_indexed_by_their_parts_and_squashed_whole()
    {
        Assert.Equal(" 1234 stc qlns 1234stcqlns 12 2026 122026 ", SearchText.CodeText(["1234/STC-QLNS", null, "12/2026"]));
        Assert.Equal(" 12345 ", SearchText.CodeText(["12345"]));
        Assert.Equal("", SearchText.CodeText(["", "--"]));
    }

    [Fact]
    public void A_code_key_is_its_folded_parts_each_followed_by_a_space_with_no_wildcard_and_a_bounded_length()
    {
        Assert.Equal(["1234 stc qlns ", "12 2026 "], SearchText.CodeKeys(["1234/STC-QLNS", null, "12/2026", "1234/stc-qlns", "--"]));
        Assert.Equal(["30 2020 nd cp "], SearchText.CodeKeys(["30/2020/NĐ-CP"]));
        Assert.Equal(["1 a "], SearchText.CodeKeys(["1%/*a_?"]));
        Assert.Equal(Eoffice.Web.Modules.Search.Data.SearchEntryCode.CodeMaxLength, SearchText.CodeKey(SearchText.Tokens(new string('7', 300) + "/A")).Length);
        Assert.Equal("", SearchText.CodeKey([]));
    }

    [Theory]
    [InlineData("12345", true)]
    [InlineData("12345/QĐ", true)]
    [InlineData("QĐ-UBND", true)]
    [InlineData("1234/ST", true)]
    [InlineData("1234/STC-QLNS", true)]
    [InlineData("quyết định", false)]
    [InlineData("đường", false)]
    [InlineData("/", false)]
    [InlineData("12345 QĐ", false)]
    public void A_number_and_symbol_is_recognised(string query, bool expected) => Assert.Equal(expected, SearchText.LooksLikeCode(query));

    [Fact]
    public void A_snippet_marks_the_matched_words_of_a_decomposed_text_keeping_its_letters()
    {
        var body = "Trích yếu: Quyết định phê duyệt đường Đông Hưng".Normalize(NormalizationForm.FormD);
        var snippet = SearchText.Snippet(body, SearchText.Tokens("duong dong"));
        Assert.Equal(("Trích yếu: Quyết định phê duyệt <mark>đường</mark> <mark>Đông</mark> Hưng").Normalize(NormalizationForm.FormD), snippet);
    }

    [Fact]
    public void A_snippet_marks_word_prefixes_only_and_encodes_the_text()
    {
        var snippet = SearchText.Snippet("Công văn <script>alert('x')</script> & dự toán \"đầu tư\"; tháo dỡ", SearchText.Tokens("dau to"));
        Assert.Equal("Công văn &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; dự <mark>to</mark>án &quot;<mark>đầu</mark> tư&quot;; tháo dỡ", snippet);
    }

    [Fact]
    public void A_long_text_is_cut_around_the_first_match()
    {
        var body = string.Join(' ', Enumerable.Repeat("văn bản", 100)) + " cầu Non Nước " + string.Join(' ', Enumerable.Repeat("kế hoạch", 100));
        var snippet = SearchText.Snippet(body, SearchText.Tokens("non nuoc"))!;
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("cầu <mark>Non</mark> <mark>Nước</mark> kế", snippet);
        Assert.True(snippet.Length < 300);
        Assert.Equal("văn bản", SearchText.Snippet("văn bản", []));
        Assert.Null(SearchText.Snippet(null, ["a"]));
    }
}
