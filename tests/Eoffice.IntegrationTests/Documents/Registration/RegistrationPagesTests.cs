using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;

namespace Eoffice.IntegrationTests.Documents.Registration;

/// <summary>The clerk's pages: the registration form, "chờ tiếp nhận", and the administrator's registers page.</summary>
public abstract class RegistrationPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static (string, string)[] Fields(Guid registerId, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.RegisterId"] = registerId.ToString(),
            ["Input.Source"] = "paper",
            ["Input.Document.TypeCode"] = "CV",
            ["Input.Document.CodeNumber"] = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Document.CodeNotation"] = "STC-NS",
            ["Input.Document.IssuingOrganName"] = "Sở Tài chính tỉnh Ninh Bình",
            ["Input.Document.IssuingOrganId"] = "000.00.15.H43",
            ["Input.Document.Subject"] = "V/v thẩm định dự toán sửa chữa cầu Non Nước",
            ["Input.Document.Urgency"] = "urgent",
            ["Input.Confidentiality"] = "none",
            ["Input.Document.PageAmount"] = "4",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields.Select(f => (f.Key, f.Value)).ToArray();
    }

    [DbFact]
    public async Task The_register_page_shows_field_errors_keeps_uploads_refuses_a_secret_document_and_registers_after_confirming_a_duplicate()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var page = await clerk.GetStringAsync("/van-ban-den/vao-so");
        Assert.Contains("Sổ văn bản đến", page, StringComparison.Ordinal);
        Assert.Contains("id=\"drop-zone\"", page, StringComparison.Ordinal);
        Assert.Contains("/js/incoming-register.js", page, StringComparison.Ordinal);
        var file = await clerk.UploadPdfAsync(name: "cong-van-stc.pdf");

        var invalid = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page,
            Fields(register, ("Input.Document.Subject", ""), ("Input.Document.CodeNumber", "123456789012"), ("Input.FileIds", file.ToString()))));
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập trích yếu nội dung.", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("Số văn bản dài tối đa 11 ký tự.", invalidHtml, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.FileIds\" value=\"{file}\"", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("cong-van-stc.pdf", invalidHtml, StringComparison.Ordinal);

        var secret = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page, Fields(register, ("Input.Confidentiality", "toi-mat"))));
        var secretHtml = await secret.Content.ReadAsStringAsync();
        Assert.Contains("id=\"secret-refusal\"", secretHtml, StringComparison.Ordinal);
        Assert.Contains("Tối mật", secretHtml, StringComparison.Ordinal);

        var fields = Fields(register, ("Input.FileIds", file.ToString()), ("Input.MainFileId", file.ToString()));
        var created = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page, fields));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/van-ban-den/", location, StringComparison.Ordinal);
        var documentId = Guid.Parse(location["/van-ban-den/".Length..]);
        Assert.Single((await app.LoadIncomingAsync(documentId)).Attachments, a => a.FileId == file && a.IsMain);

        var again = fields.Where(f => f.Item1 is not ("Input.FileIds" or "Input.MainFileId")).ToArray();
        var warned = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page, again));
        var warnedHtml = await warned.Content.ReadAsStringAsync();
        Assert.Contains("id=\"register-warnings\"", warnedHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/van-ban-den/{documentId}\"", warnedHtml, StringComparison.Ordinal);
        Assert.Contains("Vẫn vào sổ", warnedHtml, StringComparison.Ordinal);
        var confirmed = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page, [.. again, ("Input.ConfirmWarnings", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    [DbFact]
    public async Task The_register_page_warns_of_a_missing_scan_and_registers_once_the_clerk_confirms()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var page = await clerk.GetStringAsync("/van-ban-den/vao-so");

        var fields = Fields(register, ("Input.Document.Subject", "V/v văn bản giấy quên đính kèm bản quét"));
        var warned = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page, fields));
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("<li data-kind=\"no-file\">", html, StringComparison.Ordinal);
        Assert.Contains("chưa có bản quét", html, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-warnings\"", html, StringComparison.Ordinal);

        var confirmed = await clerk.PostAsync("/van-ban-den/vao-so", OrganizationTestKit.Form(page, [.. fields, ("Input.ConfirmWarnings", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var documentId = Guid.Parse(confirmed.Headers.Location!.OriginalString["/van-ban-den/".Length..]);
        Assert.Empty((await app.LoadIncomingAsync(documentId)).Attachments);
    }

    [DbFact]
    public async Task The_document_page_links_its_clerk_to_the_edit_page_whose_file_section_adds_the_missing_scan_then_replaces_it()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v văn bản vào sổ trước, quét sau",
            ("fileIds", Array.Empty<Guid>()), ("confirmWarnings", true)));
        var url = $"/van-ban-den/{registered.Id}/sua";
        Assert.Contains($"href=\"{url}\" data-action=\"edit\"", await clerk.GetStringAsync($"/van-ban-den/{registered.Id}"), StringComparison.Ordinal);

        var page = await clerk.GetStringAsync(url);
        Assert.Contains("id=\"edit-files-form\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"edit-no-file\"", page, StringComparison.Ordinal);
        var empty = await clerk.PostAsync(url + "?handler=Files", OrganizationTestKit.Form(page, ("Files.ReplaceMain", "false")));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("data-valmsg-for=\"Files.FileIds\">Vui lòng chọn tệp đính kèm.</span>", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scan = await clerk.UploadPdfAsync(name: "ban-quet-lan-1.pdf");
        var added = await clerk.PostAsync(url + "?handler=Files",
            OrganizationTestKit.Form(page, ("Files.FileIds", scan.ToString()), ("Files.MainFileId", scan.ToString()), ("Files.ReplaceMain", "false")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Single((await app.LoadIncomingAsync(registered.Id)).Attachments, a => a.FileId == scan && a.IsMain);

        page = await clerk.GetStringAsync(url);
        Assert.Contains("id=\"files-replace\"", page, StringComparison.Ordinal);
        Assert.Contains("ban-quet-lan-1.pdf", page, StringComparison.Ordinal);
        var better = await clerk.UploadPdfAsync(name: "ban-quet-lan-2.pdf");
        var replaced = await clerk.PostAsync(url + "?handler=Files",
            OrganizationTestKit.Form(page, ("Files.FileIds", better.ToString()), ("Files.MainFileId", better.ToString()), ("Files.ReplaceMain", "true")));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal(better, Assert.Single(document.Attachments).FileId);
        var history = await clerk.GetStringAsync($"/van-ban-den/{registered.Id}");
        Assert.Contains("Thay văn bản chính", history, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/files/{scan}\"", history, StringComparison.Ordinal);

        // Leaders see the document without the edit link; another register's clerk cannot post to the page.
        (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}/present", new { userId = await app.DemoUserIdAsync("lttha") }))
            .EnsureSuccessStatusCode();
        var chief = await app.SignedInDemoAsync("lttha");
        Assert.DoesNotContain(url, await chief.GetStringAsync($"/van-ban-den/{registered.Id}"), StringComparison.Ordinal);
        var boardClerk = await app.SignedInDemoAsync("ktloan");
        var theirs = await boardClerk.UploadPdfAsync(name: "ban-cua-ban.pdf");
        var foreign = await boardClerk.PostAsync(url + "?handler=Files",
            OrganizationTestKit.Form(await boardClerk.GetStringAsync("/van-ban-den/vao-so"), ("Files.FileIds", theirs.ToString()), ("Files.ReplaceMain", "true")));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(better, (await app.LoadIncomingAsync(registered.Id)).Attachments.Single().FileId);
    }

    [DbFact]
    public async Task The_clerk_checks_an_electronic_arrival_on_its_page_and_refuses_it_with_a_reason()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var file = await clerk.UploadPdfAsync(name: "gm-hop-giao-ban.pdf");
        var put = await clerk.PostAsJsonAsync("/api/v1/documents/incoming/pending", new
        {
            externalId = "pkg-" + Guid.NewGuid().ToString("N"), fileIds = new[] { file },
            document = new
            {
                issuingOrganId = "000.00.16.H43", issuingOrganName = "Sở Kế hoạch và Đầu tư tỉnh Ninh Bình", typeCode = "GM", codeNumber = "77",
                codeNotation = "GM-SKHĐT", subject = "Giấy mời họp giao ban đầu tư công quý IV", urgency = "normal",
            },
        });
        var id = (await put.JsonAsync()).GetProperty("id").GetGuid();

        var list = await clerk.GetStringAsync("/van-ban-den/cho-tiep-nhan");
        Assert.Contains("Giấy mời họp giao ban đầu tư công quý IV", list, StringComparison.Ordinal);
        var item = await clerk.GetStringAsync($"/van-ban-den/cho-tiep-nhan/{id}");
        Assert.Contains("gm-hop-giao-ban.pdf", item, StringComparison.Ordinal);
        Assert.Contains("data-library=\"/lib/pdfjs/pdf.min.mjs\"", item, StringComparison.Ordinal);

        var empty = await clerk.PostAsync($"/van-ban-den/cho-tiep-nhan/{id}?handler=Refuse", OrganizationTestKit.Form(item, ("Refusal.Reason", "")));
        Assert.Contains("Vui lòng nhập lý do từ chối.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await clerk.PostAsync($"/van-ban-den/cho-tiep-nhan/{id}?handler=Refuse", OrganizationTestKit.Form(item, ("Refusal.Reason", "Gửi nhầm cơ quan")));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var decided = await clerk.GetFromJsonAsync<Eoffice.Web.Modules.Documents.Registers.PendingResponse>($"/api/v1/documents/incoming/pending/{id}");
        Assert.Equal("Gửi nhầm cơ quan", decided!.RefusalReason);

        var foreign = await app.OtherAgencyClerkAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/van-ban-den/cho-tiep-nhan/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/documents/incoming/pending/{id}")).StatusCode);
    }

    [DbFact]
    public async Task The_administrator_manages_registers_on_the_page_and_pdfjs_is_served_as_javascript_under_the_strict_policy()
    {
        var admin = await app.SignedInClientAsync();
        var page = await admin.GetStringAsync("/quan-tri/so-van-ban");
        Assert.Contains("Sổ văn bản đến - Ban Quản lý dự án", page, StringComparison.Ordinal);
        var name = "Sổ văn bản đến mật mã thử " + Guid.NewGuid().ToString("N")[..4];
        var created = await admin.PostAsync("/quan-tri/so-van-ban", OrganizationTestKit.Form(page, ("Input.Name", name), ("Input.Code", "TH")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var editPage = await admin.GetStringAsync(edit);
        var dtmai = await app.DemoUserIdAsync("dtmai");
        Assert.Contains($"value=\"{dtmai}\"", editPage, StringComparison.Ordinal);
        var saved = await admin.PostAsync(edit, OrganizationTestKit.Form(editPage, ("Input.Name", name + " (sửa)"), ("Input.IsActive", "true"), ("Input.KeeperIds", dtmai.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(name + " (sửa)", await admin.GetStringAsync("/quan-tri/so-van-ban"), StringComparison.Ordinal);

        var script = await admin.GetAsync("/lib/pdfjs/pdf.worker.min.mjs");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", string.Join(";", script.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_clerk_corrects_a_document_and_cancels_its_registration_on_the_edit_page()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v trích yếu gõ nhầm"));
        var url = $"/van-ban-den/{registered.Id}/sua";
        var page = await clerk.GetStringAsync(url);
        Assert.Contains("V/v trích yếu gõ nhầm", page, StringComparison.Ordinal);

        var saved = await clerk.PostAsync(url, OrganizationTestKit.Form(page, ("Input.Document.TypeCode", "CV"), ("Input.Document.IssuingOrganName", "Ủy ban nhân dân tỉnh Ninh Bình"),
            ("Input.Document.Subject", "V/v trích yếu đã sửa trên trang"), ("Input.Document.Urgency", "urgent")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var empty = await clerk.PostAsync(url + "?handler=Cancel", OrganizationTestKit.Form(page, ("Cancel.Reason", "")));
        Assert.Contains("Vui lòng nhập lý do hủy đăng ký.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cancelled = await clerk.PostAsync(url + "?handler=Cancel", OrganizationTestKit.Form(page, ("Cancel.Reason", "Trùng với văn bản đã vào sổ")));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal("V/v trích yếu đã sửa trên trang", document.Metadata.Subject);
        Assert.Equal(Eoffice.Web.Modules.Documents.Domain.IncomingStatus.Cancelled, document.Status);
        Assert.Contains("Trùng với văn bản đã vào sổ", await clerk.GetStringAsync(url), StringComparison.Ordinal);
        var boardClerk = await app.SignedInDemoAsync("ktloan");
        Assert.Equal(HttpStatusCode.NotFound, (await boardClerk.GetAsync(url)).StatusCode);
    }
}

public sealed class RegistrationPagesTestsOnSqlite(SqliteApp app) : RegistrationPagesTests<SqliteApp>(app);

public sealed class RegistrationPagesTestsOnPostgres(PostgresApp app) : RegistrationPagesTests<PostgresApp>(app), IPostgresSuite;
