using Eoffice.Web.Modules.Search;

namespace Eoffice.UnitTests.Search;

/// <summary>What a saved search must be before it is stored (the edge answers these as 400 / messages beside the fields).</summary>
public sealed class SavedSearchValidationTests
{
    [Fact]
    public void A_named_search_with_words_and_known_columns_is_valid()
    {
        Assert.Empty(new SaveSearch.Request("Công văn của Sở Tài chính", "q=c%C3%B4ng%20v%C4%83n&kind=incoming", ["code", "title"]).Validate());
    }

    [Fact]
    public void A_missing_or_too_long_name_is_refused_in_vietnamese()
    {
        Assert.Equal("Vui lòng đặt tên cho tìm kiếm.", new SaveSearch.Request("  ", "q=a", null).Validate()["name"][0]);
        Assert.Equal("Tên tìm kiếm dài tối đa 200 ký tự.", new SaveSearch.Request(new string('đ', 201), "q=a", null).Validate()["name"][0]);
        Assert.Equal("Vui lòng đặt tên cho tìm kiếm.", new RenameSavedSearch.Request(null).Validate()["name"][0]);
    }

    [Fact]
    public void A_search_asking_for_nothing_an_invalid_search_or_an_unknown_column_is_refused()
    {
        Assert.Equal("Tìm kiếm chưa có từ khóa hoặc bộ lọc nào để lưu.", new SaveSearch.Request("Tên", "sort=oldest", null).Validate()["query"][0]);
        Assert.Equal("Từ khóa tìm kiếm dài tối đa 500 ký tự.", new SaveSearch.Request("Tên", "q=" + new string('a', 600), null).Validate()["query"][0]);
        Assert.Equal("Ngày kết thúc phải từ ngày bắt đầu trở đi.", new SaveSearch.Request("Tên", "from=2026-05-01&to=2026-04-01", null).Validate()["query"][0]);
        Assert.Equal("Tìm kiếm dài tối đa 4000 ký tự.", new SaveSearch.Request("Tên", "q=" + new string('a', 4001), null).Validate()["query"][0]);
        Assert.Contains("ghost", new SaveSearch.Request("Tên", "q=a", ["code", "ghost"]).Validate()["columns"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_re_run_link_carries_the_query_and_the_columns()
    {
        Assert.Equal("/tim-kiem?q=a&kind=incoming&cols=code%2Ctitle", SavedSearchView.UrlOf("q=a&kind=incoming", "code,title"));
        Assert.Equal("/tim-kiem?cols=title", SavedSearchView.UrlOf("", "title"));
    }
}
