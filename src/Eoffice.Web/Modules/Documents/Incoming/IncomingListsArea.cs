using Eoffice.Web.Platform.Jobs;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>Track and chase: the incoming lists and their counts, and the deadline reminders.</summary>
internal static class IncomingListsArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ListIncoming>();
        services.AddScoped<CountIncoming>();
        services.AddScoped<IncomingDeadlineReminders>();
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<IncomingDeadlineReminders>());
    }

    public static void Map(RouteGroupBuilder group)
    {
        CountIncoming.Map(group);
        ListIncoming.Map(group);
    }
}
