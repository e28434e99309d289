using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Platform.Time;

/// <summary>The working-day calendar's registration and endpoints (one line each in <see cref="PlatformExtensions"/>).</summary>
public static class CalendarRegistration
{
    public static IServiceCollection AddEofficeCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<ICalendarOverrideSource, DatabaseCalendarOverrideSource>();
        services.AddSingleton<WorkingDayCalendar>();
        services.AddScoped<AddCalendarOverride>();
        services.AddScoped<RemoveCalendarOverride>();
        services.AddSingleton(new NavigationItem("Nav.Calendar", "/quan-tri/lich-lam-viec", PlatformPermissions.ManageCalendar, NavigationSections.Administration, 70));
        return services;
    }

    public static IEndpointRouteBuilder MapEofficeCalendar(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/calendar").WithTags("Lịch ngày làm việc").WithRequestValidation();
        GetCalendarYear.Map(group);
        ComputeDeadline.Map(group);
        AddCalendarOverride.Map(group);
        RemoveCalendarOverride.Map(group);
        return endpoints;
    }
}
