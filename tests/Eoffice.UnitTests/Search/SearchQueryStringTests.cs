using Eoffice.Web.Modules.Search;

namespace Eoffice.UnitTests.Search;

/// <summary>A search as the query string of /tim-kiem (links, exports, saved searches) and back.</summary>
public sealed class SearchQueryStringTests
{
    [Fact]
    public void Every_criterion_survives_the_round_trip_through_the_query_string()
    {
        var request = new SearchRequest
        {
            Q = "1234/STC-QLNS \"quyết định\" & (x) #1",
            Kind = "incoming",
            From = new DateOnly(2026, 1, 5),
            To = new DateOnly(2026, 12, 31),
            Type = "QD",
            Organ = "Sở Tài chính tỉnh Ninh Bình",
            RegisterId = Guid.NewGuid(),
            UnitId = Guid.NewGuid(),
            State = "finished",
            Sort = SearchSort.Relevance,
            Page = 3,
        };

        var text = SearchQueryString.Format(request);
        var back = SearchQueryString.Parse(text);

        Assert.Equal(request, back);
        Assert.StartsWith("q=1234%2FSTC-QLNS", text, StringComparison.Ordinal);
        Assert.Equal(request with { Page = 1 }, SearchQueryString.Parse(SearchQueryString.Format(request, withPage: false)));
    }

    [Fact]
    public void Defaults_and_blanks_are_left_out_so_one_search_has_one_spelling()
    {
        Assert.Equal("q=quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh", SearchQueryString.Format(new SearchRequest { Q = "  quyết định ", Kind = " ", Page = 1 }));
        Assert.Equal("", SearchQueryString.Format(new SearchRequest()));
        Assert.False(SearchQueryString.HasCriteria(new SearchRequest { Q = "   " }));
        Assert.True(SearchQueryString.HasCriteria(new SearchRequest { From = new DateOnly(2026, 1, 1) }));
    }

    [Fact]
    public void Values_that_do_not_parse_are_dropped_instead_of_failing()
    {
        var request = SearchQueryString.Parse("?q=a&from=2026-13-45&registerId=not-a-guid&sort=sideways&page=-4");

        Assert.Equal("a", request.Q);
        Assert.Null(request.From);
        Assert.Null(request.RegisterId);
        Assert.Equal(SearchSort.Newest, request.Sort);
        Assert.Equal(1, request.Page);
        Assert.Equal(SearchSort.Oldest, SearchQueryString.ParseSort("OLDEST"));
    }

    [Fact]
    public void The_url_carries_the_request_and_the_extra_pairs()
    {
        var url = SearchQueryString.Url("/tim-kiem/xuat", new SearchRequest { Q = "<script>", Page = 2 }, withPage: false, [new("format", "pdf"), new("cols", "code,title")]);

        Assert.Equal("/tim-kiem/xuat?q=%3Cscript%3E&format=pdf&cols=code,title", url);
    }
}
