using Eoffice.Web.Modules.Search;

namespace Eoffice.UnitTests.Search;

public sealed class SearchColumnsTests
{
    private static readonly SearchHit Hit = new("incoming", "Văn bản đến", Guid.NewGuid(), "V/v sửa chữa cầu Non Nước", "1234/STC-QLNS", "/van-ban-den/1",
        new DateOnly(2026, 3, 9), "Công văn", "Sở Tài chính", "Sổ văn bản đến", "Văn phòng", "Đang xử lý",
        "… đề nghị <mark>sửa chữa</mark> cầu &lt;Non Nước&gt; …");

    [Fact]
    public void Chosen_columns_keep_the_catalogue_order_always_include_the_subject_and_ignore_unknown_codes()
    {
        var columns = SearchColumns.Parse("SNIPPET, code ,nonsense");

        Assert.Equal(["code", "title", "snippet"], columns!.Select(c => c.Code));
        Assert.Null(SearchColumns.Parse("nonsense,,"));
        Assert.Null(SearchColumns.Parse(null));
        Assert.Equal(["nonsense"], SearchColumns.Unknown(["code", "nonsense"]));
    }

    [Fact]
    public void A_hit_reads_as_text_per_column_with_the_snippet_unmarked_and_decoded()
    {
        string Text(string code) => SearchColumns.TextOf(SearchColumns.All.Single(c => c.Code == code), Hit);

        Assert.Equal("1234/STC-QLNS", Text("code"));
        Assert.Equal("09/03/2026", Text("date"));
        Assert.Equal("Văn bản đến", Text("kind"));
        Assert.Equal("Sổ văn bản đến", Text("register"));
        Assert.Equal("… đề nghị sửa chữa cầu <Non Nước> …", Text("snippet"));
    }
}
