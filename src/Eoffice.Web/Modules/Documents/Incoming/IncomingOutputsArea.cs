using Eoffice.Web.Modules.Documents.Incoming.Outputs;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Outputs of incoming documents: the handling slip, the register book, the daily list for units to sign, the tracking
/// book — as print views, PDF and .xlsx, each marked with who printed it and when, and audited (with the writers shared
/// with the outgoing documents' outputs, <c>Modules/Documents/Outputs</c>).
/// </summary>
internal static class IncomingOutputsArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<HandlingSlip>();
        services.AddScoped<RegisterBookExport>();
        services.AddScoped<DailyReceivedList>();
        services.AddScoped<TrackingBook>();
    }

    public static void Map(RouteGroupBuilder group)
    {
        HandlingSlip.Map(group);
        RegisterBookExport.Map(group);
        DailyReceivedList.Map(group);
        TrackingBook.Map(group);
    }
}
