namespace Eoffice.UnitTests.Platform.Web.Clash;

/// <summary>Same nested name as <see cref="Web.SampleSlice.Request"/> in another namespace: the schema ids collide.</summary>
public sealed class SampleSlice
{
    public sealed record Request(string Other);
}
