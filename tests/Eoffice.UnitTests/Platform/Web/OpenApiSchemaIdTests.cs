using System.Text.Json;
using Eoffice.Web.Platform.Web;

namespace Eoffice.UnitTests.Platform.Web;

public sealed class OpenApiSchemaIdTests
{
    private static string? Id(OpenApiSetup.SchemaIds ids, Type type) => ids.Create(JsonSerializerOptions.Web.GetTypeInfo(type));

    [Fact]
    public void Nested_types_are_named_with_their_declaring_types_and_generic_arguments_spelled_out()
    {
        var ids = new OpenApiSetup.SchemaIds();

        Assert.Equal("SampleSliceRequest", Id(ids, typeof(SampleSlice.Request)));
        Assert.Equal("OtherSliceRequest", Id(ids, typeof(OtherSlice.Request)));
        Assert.Equal("SampleSliceInnerResponse", Id(ids, typeof(SampleSlice.Inner.Response)));
        Assert.Equal("PageOfSampleSliceRequest", Id(ids, typeof(Page<SampleSlice.Request>)));
        Assert.Equal("PageOfPageOfInt32", Id(ids, typeof(Page<Page<int>>)));
        Assert.Equal("Holder", Id(ids, typeof(Holder)));
        Assert.Equal("SampleSliceKind", Id(ids, typeof(SampleSlice.Kind?)));
    }

    [Fact]
    public void Primitives_collections_and_maps_stay_inline()
    {
        var ids = new OpenApiSetup.SchemaIds();

        Assert.Null(Id(ids, typeof(int)));
        Assert.Null(Id(ids, typeof(string)));
        Assert.Null(Id(ids, typeof(List<SampleSlice.Request>)));
        Assert.Null(Id(ids, typeof(Dictionary<string, string[]>)));
    }

    [Fact]
    public void Two_types_reaching_the_same_id_fail_instead_of_sharing_a_schema()
    {
        var ids = new OpenApiSetup.SchemaIds();
        Assert.Equal("SampleSliceRequest", Id(ids, typeof(SampleSlice.Request)));

        var clash = Assert.Throws<InvalidOperationException>(() => Id(ids, typeof(Clash.SampleSlice.Request)));
        Assert.Contains("SampleSliceRequest", clash.Message, StringComparison.Ordinal);
    }
}

public sealed class SampleSlice
{
    public enum Kind
    {
        A,
    }

    public sealed record Request(string Name);

    public static class Inner
    {
        public sealed record Response(int Count);
    }
}

public sealed class OtherSlice
{
    public sealed record Request(Guid Id);
}

public sealed record Page<T>(IReadOnlyList<T> Items);

public sealed record Holder(SampleSlice.Request Value);
