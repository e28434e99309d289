using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Calendar;

public abstract partial class WorkingDayCalendarTests(EofficeApp app)
{

    [DbFact]
    public async Task Any_signed_in_user_sees_Tet_2026_with_its_reasons()
    {
        var client = await StaffClientAsync();

        var year = await client.GetFromJsonAsync<YearDto>("/api/v1/calendar/2026");

        Assert.Equal(2026, year!.Year);
        var tet = year.NonWorkingDays.Where(d => d.Reason.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).ToList();
        Assert.Equal([new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17), new DateOnly(2026, 2, 18), new DateOnly(2026, 2, 19), new DateOnly(2026, 2, 20)],
            tet.Select(d => d.Date));
        Assert.All(tet, d => Assert.Equal("holiday", d.Kind));
        Assert.Contains(year.NonWorkingDays, d => d.Date == new DateOnly(2026, 2, 17) && d.Reason == "Tết Nguyên đán (mùng 1)" && d.Weekday == "Thứ Ba");
        Assert.Contains(year.NonWorkingDays, d => d.Date == new DateOnly(2026, 4, 26) && d.Reason.StartsWith("Giỗ Tổ Hùng Vương", StringComparison.Ordinal));
        Assert.Contains(year.NonWorkingDays, d => d.Date == new DateOnly(2026, 4, 27) && d.Kind == "substitute");
        Assert.DoesNotContain(year.NonWorkingDays, d => d.Date == new DateOnly(2026, 3, 7));
    }

    [DbFact]
    public async Task An_override_added_through_the_api_shows_in_the_year_and_moves_deadlines_until_it_is_removed()
    {
        var client = await app.SignedInClientAsync();
        const string deadlineFromFriday = "/api/v1/calendar/deadline?receivedAt=2026-03-13T02:00:00Z&workingDays=1";
        const string deadlineFromMonday = "/api/v1/calendar/deadline?receivedAt=2026-03-16T02:00:00Z&workingDays=1";
        Assert.Equal(new DateOnly(2026, 3, 16), (await client.GetFromJsonAsync<DeadlineDto>(deadlineFromFriday))!.DueDate);

        var makeUp = await client.PostAsJsonAsync("/api/v1/calendar/overrides",
            new { date = "2026-03-14", kind = "workingDay", reason = "Làm việc bù cho ngày 17/03/2026" });
        var dayOff = await client.PostAsJsonAsync("/api/v1/calendar/overrides",
            new { date = "2026-03-17", kind = "dayOff", reason = "Nghỉ hoán đổi theo thông báo của cơ quan" });

        Assert.Equal(HttpStatusCode.Created, makeUp.StatusCode);
        Assert.Equal(HttpStatusCode.Created, dayOff.StatusCode);
        var made = (await makeUp.Content.ReadFromJsonAsync<OverrideDto>())!;
        Assert.Equal($"/api/v1/calendar/overrides/{made.Id}", makeUp.Headers.Location?.OriginalString);
        var year = (await client.GetFromJsonAsync<YearDto>("/api/v1/calendar/2026"))!;
        Assert.Contains(year.MakeUpWorkingDays, d => d.Date == new DateOnly(2026, 3, 14) && d.Reason == "Làm việc bù cho ngày 17/03/2026" && d.OverrideId == made.Id);
        Assert.Contains(year.NonWorkingDays, d => d.Date == new DateOnly(2026, 3, 17) && d.Kind == "override");

        var fromFriday = (await client.GetFromJsonAsync<DeadlineDto>(deadlineFromFriday))!;
        var fromMonday = (await client.GetFromJsonAsync<DeadlineDto>(deadlineFromMonday))!;
        Assert.Equal(new DateOnly(2026, 3, 14), fromFriday.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero), fromFriday.DueAt);
        Assert.Equal(new DateOnly(2026, 3, 18), fromMonday.DueDate);

        var removed = await client.DeleteAsync($"/api/v1/calendar/overrides/{made.Id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(new DateOnly(2026, 3, 16), (await client.GetFromJsonAsync<DeadlineDto>(deadlineFromFriday))!.DueDate);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>()
            .Where(e => e.ObjectType == "calendar-override" && e.ObjectId == made.Id.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Equal(["calendar.override.add", "calendar.override.remove"], audited.Order(StringComparer.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CalendarOverride>().CountAsync(o => o.Date == new DateOnly(2026, 3, 17))));
    }

    [DbFact]
    public async Task A_second_override_for_the_same_date_is_refused_with_409_in_Vietnamese()
    {
        var client = await app.SignedInClientAsync();
        var first = await client.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-12-31", kind = "dayOff", reason = "Nghỉ hoán đổi" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await client.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-12-31", kind = "workingDay", reason = "Trùng ngày" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await ProblemAsync(second);
        Assert.Equal("Ngày 31/12/2027 đã có điều chỉnh. Hãy xóa điều chỉnh đó trước khi thêm mới.", problem.GetProperty("title").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("/api/v1/calendar/overrides", problem.GetProperty("instance").GetString());
    }

    [DbFact]
    public async Task Invalid_input_is_answered_with_400_problem_details()
    {
        var client = await app.SignedInClientAsync();

        var missing = await client.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-01-04", kind = "holiday", reason = "  " });
        var badYear = await client.GetAsync("/api/v1/calendar/1899");
        var badDays = await client.GetAsync("/api/v1/calendar/deadline?workingDays=-1");
        var unknown = await client.DeleteAsync($"/api/v1/calendar/overrides/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await ProblemAsync(missing)).GetProperty("errors");
        Assert.Equal("Vui lòng nhập lý do.", errors.GetProperty("reason")[0].GetString());
        Assert.StartsWith("Vui lòng chọn loại điều chỉnh", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("Năm phải trong khoảng từ 1900 đến 2100.", (await ProblemAsync(badYear)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
        Assert.Equal("application/problem+json", badDays.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(db => db.Set<CalendarOverride>().AnyAsync(o => o.Date == new DateOnly(2027, 1, 4))));
    }

    [DbFact]
    public async Task A_user_without_the_calendar_right_cannot_change_it_and_anonymous_callers_cannot_read_it()
    {
        var staff = await StaffClientAsync();
        var admin = await app.SignedInClientAsync();
        var existing = await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-06-04", kind = "dayOff", reason = "Nghỉ theo quyết định của cơ quan" });
        var id = (await existing.Content.ReadFromJsonAsync<OverrideDto>())!.Id;

        var add = await staff.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-06-11", kind = "dayOff", reason = "Không được phép" });
        var remove = await staff.DeleteAsync($"/api/v1/calendar/overrides/{id}");
        var page = await staff.GetAsync("/quan-tri/lich-lam-viec");
        var anonymous = await app.AnonymousClient().GetAsync("/api/v1/calendar/2026");

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal("application/problem+json", remove.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<CalendarOverride>().AnyAsync(o => o.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.Set<CalendarOverride>().AnyAsync(o => o.Date == new DateOnly(2027, 6, 11))));
    }

    [DbFact]
    public async Task The_administrator_sees_the_year_on_the_page_and_adds_and_removes_an_override_there()
    {
        var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync("/quan-tri/lich-lam-viec?year=2026");
        Assert.Contains("16/02/2026", html, StringComparison.Ordinal);
        Assert.Contains("Tết Nguyên đán (mùng 1)", html, StringComparison.Ordinal);
        Assert.Contains("Thứ Ba", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/quan-tri/lich-lam-viec\"", html, StringComparison.Ordinal);

        var invalid = await client.PostAsync("/quan-tri/lich-lam-viec?handler=Add&year=2026", Form(html,
            ("Input.Date", "2026-10-10"), ("Input.Kind", "workingDay"), ("Input.Reason", "")));
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập lý do.", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-10-10\"", invalidHtml, StringComparison.Ordinal);

        var added = await client.PostAsync("/quan-tri/lich-lam-viec?handler=Add&year=2026", Form(html,
            ("Input.Date", "2026-10-10"), ("Input.Kind", "workingDay"), ("Input.Reason", "Làm việc bù thứ Bảy")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await client.GetStringAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("Đã thêm điều chỉnh cho ngày 10/10/2026.", after, StringComparison.Ordinal);
        Assert.Contains("Làm việc bù thứ Bảy", after, StringComparison.Ordinal);
        Assert.Contains("data-confirm=\"Xóa điều chỉnh ngày 10/10/2026?\"", after, StringComparison.Ordinal);

        var id = await app.WithDbAsync(db => db.Set<CalendarOverride>().Where(o => o.Date == new DateOnly(2026, 10, 10)).Select(o => o.Id).SingleAsync());
        var removed = await client.PostAsync($"/quan-tri/lich-lam-viec?handler=Remove&id={id}&year=2026", Form(after));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<CalendarOverride>().AnyAsync(o => o.Id == id)));
    }

    private async Task<HttpClient> StaffClientAsync()
    {
        var (_, userName) = await app.CreateUserAsync("Nguyễn Văn An");
        return await app.SignedInAsAsync(userName);
    }

    private static FormUrlEncodedContent Form(string pageHtml, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken().Match(pageHtml).Groups[1].Value;
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record YearDto(int Year, int WorkingDayCount, List<NonWorkingDayDto> NonWorkingDays, List<MakeUpDayDto> MakeUpWorkingDays);

    private sealed record NonWorkingDayDto(DateOnly Date, string Weekday, string Reason, string Kind, Guid? OverrideId);

    private sealed record MakeUpDayDto(DateOnly Date, string Weekday, string Reason, Guid? OverrideId);

    private sealed record OverrideDto(Guid Id, DateOnly Date, string Kind, string Reason);

    private sealed record DeadlineDto(DateTimeOffset ReceivedAt, int WorkingDays, DateOnly CountsFrom, DateOnly DueDate, DateTimeOffset DueAt);
}

public sealed class WorkingDayCalendarTestsOnSqlite(SqliteApp app) : WorkingDayCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class WorkingDayCalendarTestsOnPostgres(PostgresApp app) : WorkingDayCalendarTests(app), IClassFixture<PostgresApp>;
