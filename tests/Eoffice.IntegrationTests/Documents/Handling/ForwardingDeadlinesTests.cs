using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>
/// The deadlines a forward gives (issue 9, point 5): a for-information copy has none — in the request, in the data, in
/// the lists, on the document page, the handling slip and the daily list; a support is due with the lead unless given
/// its own, and one due after the lead is a warning the sender confirms; passing a document up proposes no deadline.
/// </summary>
public abstract class ForwardingDeadlinesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    /// <summary>A document presented to the chief of office and passed by her to the director, who now forwards it.</summary>
    private async Task<(Guid Id, HttpClient Director)> AtTheDirectorAsync(string subject)
    {
        var id = await app.RegisterDirectAsync(subject);
        var clerk = await app.SignedInDemoAsync("dtmai");
        var chief = await app.SignedInDemoAsync("lttha");
        await clerk.ActAsync(id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await chief.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct") } });
        return (id, await app.SignedInDemoAsync("nvan"));
    }

    [DbFact]
    public async Task A_deadline_for_a_recipient_for_information_is_refused_beside_the_targets_and_nothing_is_forwarded()
    {
        var (id, director) = await AtTheDirectorAsync("V/v nhận để biết không có hạn " + Guid.NewGuid().ToString("N")[..6]);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);

        var byDays = await director.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead", 5), HandlingKit.Unit(legal, "forInformation", 10) } });
        var byDate = await director.TryAsync(id, "forward", new
        {
            targets = new object[] { HandlingKit.Unit(infra, "lead", 5), new { unitId = legal, role = "forInformation", dueDate = "2099-01-05" } },
        });

        foreach (var (status, body) in new[] { byDays, byDate })
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.Equal("Người, đơn vị nhận để biết không có hạn xử lý.", errors.GetProperty("targets")[0].GetString());
        }

        var d = await app.LoadIncomingAsync(id);
        Assert.DoesNotContain(d.Assignments, a => a.RecipientUnitId == infra || a.RecipientUnitId == legal);
        Assert.Equal(AssignmentStatus.Open, d.Single(await app.DemoUserIdAsync("nvan")).Status);
    }

    [DbFact]
    public async Task A_support_given_no_deadline_is_due_with_the_lead_and_the_api_says_whom_forwarding_passes_up_to()
    {
        var (id, director) = await AtTheDirectorAsync("V/v phối hợp theo hạn chủ trì " + Guid.NewGuid().ToString("N")[..6]);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);

        await director.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead", 4), HandlingKit.Unit(planning, "support") } });

        var d = await app.LoadIncomingAsync(id);
        var due = await app.WorkingDaysFromTodayAsync(4);
        Assert.Equal(due, d.Single(infra).DueDate);
        Assert.Equal(due, d.Single(planning).DueDate);

        // The department head forwarding inside his unit: his own deadline is the one proposed, the lead already at work
        // is what a support would follow, and he leads his specialists, not the other way round.
        var head = await app.SignedInDemoAsync("pvhung");
        var choices = await head.GetAsync(HandlingKit.Api(id, "recipients")).OkJsonAsync();
        Assert.Equal(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), choices.GetProperty("ownDueDate").GetString());
        var options = choices.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("options").EnumerateArray()).ToList();
        var cxtruong = await app.DemoUserIdAsync("cxtruong");
        Assert.False(options.Single(o => o.GetProperty("id").GetGuid() == cxtruong).GetProperty("leadsSender").GetBoolean());

        // For a specialist, the head of his unit and the agency's leaders are above him; his colleagues are not.
        var specialist = await app.SignedInDemoAsync("cxtruong");
        await head.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(cxtruong, "lead") } });
        var mine = (await specialist.GetAsync(HandlingKit.Api(id, "recipients")).OkJsonAsync()).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("options").EnumerateArray()).ToDictionary(o => o.GetProperty("id").GetGuid(), o => o.GetProperty("leadsSender").GetBoolean());
        Assert.True(mine[await app.DemoUserIdAsync("pvhung")]);
        Assert.False(mine[await app.DemoUserIdAsync("dtyen")]);
    }

    [DbFact]
    public async Task A_support_due_after_the_lead_answers_409_with_a_warning_until_the_sender_confirms()
    {
        var (id, director) = await AtTheDirectorAsync("V/v phối hợp trễ hơn chủ trì " + Guid.NewGuid().ToString("N")[..6]);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        var nvan = await app.DemoUserIdAsync("nvan");
        var request = new { targets = new[] { HandlingKit.Unit(infra, "lead", 3), HandlingKit.Unit(planning, "support", 8) } };

        var (status, body) = await director.TryAsync(id, "forward", request);

        Assert.Equal(HttpStatusCode.Conflict, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Cần xác nhận trước khi chuyển.", problem.GetProperty("title").GetString());
        var warning = Assert.Single(problem.GetProperty("warnings").EnumerateArray().ToList());
        Assert.Equal("support-after-lead", warning.GetProperty("kind").GetString());
        Assert.Contains(DemoAgency.Units.PlanningFinance, warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        var d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Open, d.Single(nvan).Status);
        Assert.DoesNotContain(d.Assignments, a => a.RecipientUnitId == infra);

        await director.ActAsync(id, "forward", new { request.targets, confirmWarnings = true });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(await app.WorkingDaysFromTodayAsync(3), d.Single(infra).DueDate);
        Assert.Equal(await app.WorkingDaysFromTodayAsync(8), d.Single(planning).DueDate);

        // A support added later is measured against the lead already at work.
        var later = await director.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(transport, "support", 5) } });
        Assert.Equal(HttpStatusCode.Conflict, later.Status);
        Assert.Contains(DemoAgency.Units.Transport, later.Body, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task On_the_forward_page_a_late_support_comes_back_as_a_warning_with_the_choices_kept_and_still_sending_forwards_it()
    {
        var (id, director) = await AtTheDirectorAsync("V/v xác nhận trên trang " + Guid.NewGuid().ToString("N")[..6]);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);
        var form = await director.GetStringAsync($"/van-ban-den/{id}/chuyen");
        (string, string)[] fields =
        [
            ("Input.AssignmentId", HiddenValue(form, "Input.AssignmentId")), ("Input.Instruction", "Phòng KCHT chủ trì."),
            .. Rows(form, (infra, "lead", "3"), (planning, "support", "9")),
        ];
        var support = RowOf(form, planning);

        var warned = await director.PostAsync($"/van-ban-den/{id}/chuyen", OrganizationTestKit.Form(form, fields));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        Assert.Contains("id=\"forward-warnings\"", page, StringComparison.Ordinal);
        Assert.Contains($"Hạn phối hợp của {DemoAgency.Units.PlanningFinance}", page, StringComparison.Ordinal);
        Assert.Contains("Vẫn chuyển", page, StringComparison.Ordinal);
        Assert.Matches($"name=\"Input.Rows\\[{support}\\].Days\" value=\"9\"", page);
        Assert.Matches($"<option value=\"support\" selected=\"selected\">", page);
        Assert.DoesNotContain((await app.LoadIncomingAsync(id)).Assignments, a => a.RecipientUnitId == infra);

        var confirmed = await director.PostAsync($"/van-ban-den/{id}/chuyen", OrganizationTestKit.Form(page, [.. fields, ("Input.ConfirmWarnings", "true")]));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var d = await app.LoadIncomingAsync(id);
        Assert.Equal(await app.WorkingDaysFromTodayAsync(9), d.Single(planning).DueDate);
    }

    [DbFact]
    public async Task A_unit_sent_for_information_from_the_forward_page_has_no_deadline_in_its_list_the_document_page_the_slip_or_the_daily_list()
    {
        var subject = "V/v nhận để biết từ trang chuyển " + Guid.NewGuid().ToString("N")[..6];
        var (id, director) = await AtTheDirectorAsync(subject);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);
        var form = await director.GetStringAsync($"/van-ban-den/{id}/chuyen");

        // What the form sends for a recipient whose deadline nobody touched: what the page put in its fields.
        var posted = await director.PostAsync($"/van-ban-den/{id}/chuyen", OrganizationTestKit.Form(form,
        [
            ("Input.AssignmentId", HiddenValue(form, "Input.AssignmentId")),
            .. Rows(form, (infra, "lead", "5"), (legal, "forInformation", DaysValue(form, RowOf(form, legal)))),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var d = await app.LoadIncomingAsync(id);
        Assert.Null(d.Single(legal).DueDate);
        Assert.NotNull(d.Single(infra).DueDate);

        // The legal department's "Nhận để biết" tab: the row has no deadline.
        var legalHead = await app.SignedInDemoAsync("vdthang");
        var list = WebUtility.HtmlDecode(await legalHead.GetStringAsync("/van-ban-den?box=nhan-de-biet"));
        var row = RowContaining(list, "<tr", "</tr>", subject);
        Assert.DoesNotContain("deadline-", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Còn hạn", row, StringComparison.Ordinal);

        // The document page: its part in the processing tree has no "Hạn".
        var page = WebUtility.HtmlDecode(await legalHead.GetStringAsync($"/van-ban-den/{id}"));
        var node = RowContaining(page, "<div class=\"incoming-node-body\">", "</div>", $"<strong>{DemoAgency.Units.Legal}</strong>");
        Assert.DoesNotContain("Hạn ", node, StringComparison.Ordinal);
        Assert.Contains("Hạn ", RowContaining(page, "<div class=\"incoming-node-body\">", "</div>", $"<strong>{DemoAgency.Units.Infrastructure}</strong>"),
            StringComparison.Ordinal);

        // The handling slip and the daily list for units to sign.
        var clerk = await app.SignedInDemoAsync("dtmai");
        var slip = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/van-ban-den/{id}/phieu-giai-quyet"));
        Assert.DoesNotMatch(@"\d\d/\d\d/\d{4}", RowContaining(slip, "<tr", "</tr>", DemoAgency.Units.Legal));
        var registerId = await app.AgencyRegisterIdAsync();
        var today = await app.WithServiceAsync<Eoffice.Web.Platform.Time.WorkingDayCalendar, DateOnly>(c => Task.FromResult(c.Today));
        var daily = WebUtility.HtmlDecode(await clerk.GetStringAsync(
            $"/van-ban-den/so-va-bao-cao/van-ban-den-trong-ngay?registerId={registerId}&day={today:yyyy-MM-dd}"));
        var legalGroup = daily[daily.IndexOf($"{DemoAgency.Units.Legal} (", StringComparison.Ordinal)..];
        var line = RowContaining(legalGroup, "<tr", "</tr>", subject);
        Assert.Contains("Nhận để biết", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hạn", line, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_forward_page_proposes_no_deadline_of_its_own_and_marks_the_leaders_a_forward_passes_up_to()
    {
        var id = await app.RegisterDirectAsync("V/v chuyển lên Giám đốc " + Guid.NewGuid().ToString("N")[..6]);
        var clerk = await app.SignedInDemoAsync("dtmai");
        await clerk.ActAsync(id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        var chief = await app.SignedInDemoAsync("lttha");

        var form = await chief.GetStringAsync($"/van-ban-den/{id}/chuyen");

        var nvan = RowOf(form, await app.DemoUserIdAsync("nvan"));
        Assert.Equal("", DaysValue(form, nvan));
        Assert.Equal("", DaysValue(form, RowOf(form, await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure))));
        Assert.Matches("data-leads-sender=\"true\"[^>]*>\\s*<input type=\"hidden\" name=\"Input.Rows\\[" + nvan + "\\]", form);
        Assert.Contains("data-default-days=\"10\"", form, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Upgrading_clears_the_deadline_an_older_forward_form_stored_on_a_for_information_copy()
    {
        var id = await app.RegisterDirectAsync("V/v hạn cũ của bản nhận để biết " + Guid.NewGuid().ToString("N")[..6]);
        var director = await app.ActorAsync("nvan");
        var clerk = await app.ActorAsync("dtmai");
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);
        var due = new DateOnly(2099, 1, 5);
        await app.ActOnIncomingAsync(id, (d, now) =>
        {
            var root = d.Present(clerk, AssignmentTarget.Person(director.UserId, "Nguyễn Văn An", AssignmentRole.Direct), null, now);
            d.Forward(director, root.Id, [AssignmentTarget.Unit(infra, DemoAgency.Units.Infrastructure, AssignmentRole.Lead, due),
                AssignmentTarget.Unit(legal, DemoAgency.Units.Legal, AssignmentRole.ForInformation)], null, now);
        });

        // As the form before this version stored it: the copy for information with the default deadline.
        await app.WithDbAsync(async db =>
        {
            var copy = await db.Set<IncomingAssignment>().SingleAsync(a => a.OwnerId == id && a.RecipientUnitId == legal);
            db.Entry(copy).Property(a => a.DueDate).CurrentValue = due;
            await db.SaveChangesAsync();
        });
        Assert.Equal(due, (await app.LoadIncomingAsync(id)).Single(legal).DueDate);

        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(ForInformationMigration));
            await db.Database.MigrateAsync();
        });

        var after = await app.LoadIncomingAsync(id);
        Assert.Null(after.Single(legal).DueDate);
        Assert.Equal(due, after.Single(infra).DueDate);
    }

    private const string ForInformationMigration = "20261121002700_ForInformationWithoutDeadline";

    /// <summary>The index of the form's row for a person or unit.</summary>
    private static int RowOf(string form, Guid recipientId) =>
        int.Parse(Regex.Match(form, $"name=\"Input.Rows\\[(\\d+)\\].Id\" value=\"{recipientId}\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the form puts in a row's number of days before anyone types ("" for none).</summary>
    private static string DaysValue(string form, int row) =>
        Regex.Match(form, $"<input type=\"number\"[^>]*name=\"Input.Rows\\[{row}\\].Days\"(?: value=\"(\\d*)\")?").Groups[1].Value;

    /// <summary>
    /// The form as a browser sends it: every candidate row (its kind and id, in the page's order) and, for the chosen
    /// recipients, their role and number of days.
    /// </summary>
    private static IEnumerable<(string, string)> Rows(string form, params (Guid Id, string Role, string Days)[] chosen)
    {
        foreach (Match m in Regex.Matches(form, "name=\"(Input.Rows\\[\\d+\\].(?:Kind|Id))\" value=\"([^\"]*)\""))
        {
            yield return (m.Groups[1].Value, m.Groups[2].Value);
        }

        foreach (var (recipientId, role, days) in chosen)
        {
            var row = RowOf(form, recipientId);
            yield return ($"Input.Rows[{row}].Role", role);
            yield return ($"Input.Rows[{row}].Days", days);
        }
    }

    private static string HiddenValue(string form, string name) => Regex.Match(form, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>The piece of <paramref name="html"/> from the <paramref name="start"/> before <paramref name="text"/> to the next <paramref name="end"/>.</summary>
    private static string RowContaining(string html, string start, string end, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{text}\" is not on the page.");
        var from = html.LastIndexOf(start, at, StringComparison.Ordinal);
        var to = html.IndexOf(end, at, StringComparison.Ordinal);
        return html[from..(to + end.Length)];
    }
}

public sealed class ForwardingDeadlinesTestsOnSqlite(SqliteApp app) : ForwardingDeadlinesTests<SqliteApp>(app);

public sealed class ForwardingDeadlinesTestsOnPostgres(PostgresApp app) : ForwardingDeadlinesTests<PostgresApp>(app), IPostgresSuite;
