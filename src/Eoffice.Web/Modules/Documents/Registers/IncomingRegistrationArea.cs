namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>Registration of services and endpoints of one area of the documents module (filled in by that area's slices).</summary>
internal static class IncomingRegistrationArea
{
    public static void Add(IServiceCollection services) => _ = services;

    public static void Map(RouteGroupBuilder group) => _ = group;
}
