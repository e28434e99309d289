using System.Globalization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Admin;

/// <summary>The administrator's view of one year of the working-day calendar, where overrides are added and removed.</summary>
[RequirePermission(PlatformPermissions.ManageCalendar)]
public sealed class WorkingDayCalendarModel(
    WorkingDayCalendar calendar,
    AddCalendarOverride addOverride,
    RemoveCalendarOverride removeOverride) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public GetCalendarYear.Response Listing { get; private set; } = null!;

    public DateOnly LunarNewYear { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        /// <summary>yyyy-MM-dd, as an HTML date input sends it.</summary>
        public string? Date { get; set; }

        public string? Kind { get; set; } = AddCalendarOverride.DayOffKind;

        public string? Reason { get; set; }
    }

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
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Input.Date))
        {
            if (DateOnly.TryParseExact(Input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.Date", "Ngày không hợp lệ.");
            }
        }

        var request = new AddCalendarOverride.Request(date, Input.Kind, Input.Reason);
        if (ModelState.ErrorCount == 0)
        {
            foreach (var (field, messages) in AddCalendarOverride.Validate(request))
            {
                ModelState.AddModelError(FieldOf(field), messages[0]);
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await addOverride.HandleAsync(request, cancellationToken);
                Message = $"Đã thêm điều chỉnh cho ngày {Format(date!.Value)}.";
                return RedirectToPage(new { year = date!.Value.Year });
            }
            catch (RuleException rule)
            {
                ModelState.AddModelError(rule.Field is null ? string.Empty : FieldOf(rule.Field), rule.Message);
            }
        }

        Year ??= date?.Year;
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await removeOverride.HandleAsync(id, cancellationToken);
            Message = "Đã xóa điều chỉnh.";
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            Message = notFound.Message;
        }

        return RedirectToPage(new { year = Year });
    }

    private static string FieldOf(string apiField) => "Input." + char.ToUpperInvariant(apiField[0]) + apiField[1..];

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
