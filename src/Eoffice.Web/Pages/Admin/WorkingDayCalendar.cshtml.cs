using System.Globalization;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Admin;

/// <summary>The administrator's view of one year of the working-day calendar, where overrides are added and removed.</summary>
[RequirePermission(PlatformPermissions.ManageCalendar)]
public sealed class WorkingDayCalendarModel(
    WorkingDayCalendar calendar,
    AddCalendarOverride addOverride,
    RemoveCalendarOverride removeOverride) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public AddCalendarOverride.Request Input { get; set; } = new(null, AddCalendarOverride.DayOffKind, null);

    public GetCalendarYear.Response Listing { get; private set; } = null!;

    public DateOnly LunarNewYear { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string KindLabel(string kind) => kind switch
    {
        "holiday" => "Nghỉ lễ, tết",
        "substitute" => "Nghỉ bù",
        _ => "Nghỉ theo điều chỉnh",
    };

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var item = await addOverride.HandleAsync(Input, cancellationToken);
        Message = $"Đã thêm điều chỉnh cho ngày {Format(item.Date)}.";
        return RedirectToPage(new { year = item.Date.Year });
    }

    /// <summary>Removes an override; one removed meanwhile (by another administrator) is reported, not an error.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await removeOverride.HandleAsync(id, cancellationToken) ? "Đã xóa điều chỉnh." : RemoveCalendarOverride.Gone;
        return RedirectToPage(new { year = Year });
    }

    /// <summary>The year of the date being added, when no year was open.</summary>
    public override Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Year ??= Input.Date?.Year;
        Load();
        return Task.CompletedTask;
    }

    private void Load()
    {
        if (Year is not null and (< WorkingDayCalendar.MinYear or > WorkingDayCalendar.MaxYear))
        {
            ModelState.AddModelError(nameof(Year), "Năm phải trong khoảng từ 1900 đến 2100.");
            Year = null;
        }

        var year = Year ?? calendar.Today.Year;
        Year = year;
        Listing = GetCalendarYear.Handle(calendar, year);
        LunarNewYear = VietnameseLunarCalendar.LunarNewYear(year);
    }
}
