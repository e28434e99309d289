using System.Net;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>The document page and the action pages call the same handlers as the API and keep outsiders out.</summary>
public abstract class HandlingPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task The_clerk_presents_from_the_page_the_chief_returns_it_from_hers_and_outsiders_get_the_friendly_404()
    {
        var id = await app.RegisterDirectAsync("V/v đăng ký lịch tiếp công dân tháng 12", Eoffice.Web.Modules.Documents.Contracts.Urgency.Flash);
        var lttha = await app.DemoUserIdAsync("lttha");
        var clerk = await app.SignedInDemoAsync("dtmai");

        var form = await clerk.GetStringAsync($"/van-ban-den/{id}/trinh");
        Assert.Contains("Lê Thị Thu Hà", form);
        var posted = await clerk.PostAsync($"/van-ban-den/{id}/trinh", OrganizationTestKit.Form(form, ("Input.UserId", lttha.ToString()), ("Input.Note", "Hỏa tốc")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/van-ban-den/{id}", posted.Headers.Location?.OriginalString);

        var chief = await app.SignedInDemoAsync("lttha");
        var page = await chief.GetStringAsync($"/van-ban-den/{id}");
        Assert.Contains("processing-tree", page);
        Assert.Contains("Hỏa tốc", page);
        Assert.Contains($"/van-ban-den/{id}/chuyen", page);
        Assert.Contains("Nguyễn Văn An", await chief.GetStringAsync($"/van-ban-den/{id}/chuyen"));

        var returnForm = await chief.GetStringAsync($"/van-ban-den/{id}/tra-lai");
        var empty = await chief.PostAsync($"/van-ban-den/{id}/tra-lai", OrganizationTestKit.Form(returnForm, ("Input.Reason", "")));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vui lòng nhập lý do trả lại.", await empty.Content.ReadAsStringAsync());
        var returned = await chief.PostAsync($"/van-ban-den/{id}/tra-lai", OrganizationTestKit.Form(returnForm, ("Input.Reason", "Đề nghị trình trực tiếp Giám đốc")));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var d = await app.LoadIncomingAsync(id);
        Assert.True(d.ReturnedToClerk);
        Assert.Equal(AssignmentStatus.Returned, d.Single(lttha).Status);

        var outsider = await app.SignedInDemoAsync("nvana");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/van-ban-den/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/van-ban-den/{id}/y-kien")).StatusCode);

        var admin = await app.SignedInClientAsync();
        var routing = await admin.GetStringAsync("/quan-tri/luong-van-ban-den");
        Assert.Contains("Ai được chuyển văn bản cho ai", routing);
    }

    [DbFact]
    public async Task Empty_opinion_and_return_forms_answer_with_a_vietnamese_message_beside_the_field_not_the_browsers_tooltip()
    {
        var id = await app.RegisterDirectAsync("V/v lấy ý kiến về lịch bảo trì cầu");
        var clerk = await app.SignedInDemoAsync("dtmai");
        await clerk.PostAsync($"/van-ban-den/{id}/trinh", OrganizationTestKit.Form(await clerk.GetStringAsync($"/van-ban-den/{id}/trinh"),
            ("Input.UserId", (await app.DemoUserIdAsync("lttha")).ToString())));
        var chief = await app.SignedInDemoAsync("lttha");

        foreach (var (path, form, field, message) in new[]
                 {
                     ("y-kien", "opinion-form", "Input.Text", "Vui lòng nhập ý kiến."),
                     ("tra-lai", "return-form", "Input.Reason", "Vui lòng nhập lý do trả lại."),
                 })
        {
            var page = await chief.GetStringAsync($"/van-ban-den/{id}/{path}");
            Assert.Matches($"<form [^>]*id=\"{form}\"[^>]* novalidate", page);
            var empty = await chief.PostAsync($"/van-ban-den/{id}/{path}", OrganizationTestKit.Form(page, (field, "")));
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Matches($"<span [^>]*data-valmsg-for=\"{System.Text.RegularExpressions.Regex.Escape(field)}\"[^>]*>{message}</span>",
                System.Net.WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        }
    }

    [DbFact]
    public async Task A_document_without_a_number_names_its_issuing_organ_without_a_dangling_dash()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v thư mời không số",
            ("codeNumber", null), ("codeNotation", null), ("issuingOrganName", "Sở Tài chính tỉnh Ninh Bình")));

        foreach (var page in new[] { $"/van-ban-den/{registered.Id}", $"/van-ban-den/{registered.Id}/trinh" })
        {
            var html = System.Net.WebUtility.HtmlDecode(await clerk.GetStringAsync(page));
            Assert.Contains("<strong>Sở Tài chính tỉnh Ninh Bình</strong>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("— Sở Tài chính", html, StringComparison.Ordinal);
        }
    }

    [DbFact]
    public async Task Finishing_has_one_name_on_the_documents_button_the_pages_title_and_its_submit()
    {
        var id = await app.RegisterDirectAsync("V/v thông báo kết quả kiểm tra tải trọng xe");
        var lttha = await app.DemoUserIdAsync("lttha");
        var nvan = await app.DemoUserIdAsync("nvan");
        var ttbhanh = await app.DemoUserIdAsync("ttbhanh");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(nvan, "direct") } });
        await (await app.SignedInDemoAsync("nvan")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(ttbhanh, "forInformation") } });

        // The director, who has work to answer for, "Hoàn thành"; the reader for information, "Kết thúc": one name each, everywhere.
        foreach (var (who, name) in new[] { ("nvan", "Hoàn thành"), ("ttbhanh", "Kết thúc") })
        {
            var client = await app.SignedInDemoAsync(who);
            var documentPage = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban-den/{id}"));
            Assert.Matches($"data-action=\"finish\"[^>]*>\\s*{name}\\s*<", documentPage);
            var finishPage = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban-den/{id}/ket-thuc"));
            Assert.Contains($"<title>{name} —", finishPage, StringComparison.Ordinal);
            Assert.Matches($"<button type=\"submit\"[^>]*>{name}</button>", finishPage);
            Assert.DoesNotContain("Kết thúc xử lý", finishPage, StringComparison.Ordinal);
        }
    }
}

public sealed class HandlingPagesTestsOnSqlite(SqliteApp app) : HandlingPagesTests<SqliteApp>(app);

public sealed class HandlingPagesTestsOnPostgres(PostgresApp app) : HandlingPagesTests<PostgresApp>(app), IPostgresSuite;
