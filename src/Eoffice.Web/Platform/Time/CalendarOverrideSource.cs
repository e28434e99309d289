using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Time;

/// <summary>Where <see cref="WorkingDayCalendar"/> reads the administrator's overrides from.</summary>
public interface ICalendarOverrideSource
{
    /// <summary>Every override, all years (the table holds a few dozen rows a year).</summary>
    IReadOnlyList<CalendarOverride> LoadAll();
}

/// <summary>Reads overrides from the database in a scope of its own, so that the singleton calendar can use it.</summary>
public sealed class DatabaseCalendarOverrideSource(IServiceScopeFactory scopes) : ICalendarOverrideSource
{
    public IReadOnlyList<CalendarOverride> LoadAll()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        return db.Set<CalendarOverride>().AsNoTracking().ToList();
    }
}
