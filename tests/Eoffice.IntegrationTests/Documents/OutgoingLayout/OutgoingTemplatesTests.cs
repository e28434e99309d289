using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Documents.OutgoingLayout.LayoutKit;

namespace Eoffice.IntegrationTests.Documents.OutgoingLayout;

/// <summary>
/// Administrators replace the layout template of an outgoing document type with their agency's own .docx, and revert to
/// the built-in one: what is accepted, which template the writer then gets, who may see and change it.
/// </summary>
public abstract class OutgoingTemplatesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_valid_template_is_used_for_its_type_only_and_reverting_restores_the_built_in_one()
    {
        var admin = await app.SignedInClientAsync();
        var agencyId = await app.DemoAgencyIdAsync();
        var fileId = await admin.UploadAsync(Docx("MẪU KẾ HOẠCH RIÊNG", "{{trich_yeu}}", "{{noi_dung}}"), "mau-ke-hoach.docx");

        var replaced = await admin.PutAsJsonAsync(TemplateUrl("KH"), new { fileId });
        var rows = await admin.TemplatesAsync();
        var plan = await ParagraphsForAsync(agencyId, "KH");
        var report = await ParagraphsForAsync(agencyId, "BC");
        var downloaded = await admin.GetAsync(TemplateUrl("KH") + "/file");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var row = rows.Single(r => r.TypeCode == "KH");
        Assert.Equal(("Kế hoạch", "type", true, "mau-ke-hoach.docx", "Quản trị hệ thống"), (row.TypeName, row.Source, row.IsReplaced, row.FileName, row.UploadedByName));
        Assert.Equal(("builtIn", false), (rows.Single(r => r.TypeCode == "BC").Source, rows.Single(r => r.TypeCode == "BC").IsReplaced));
        Assert.Equal(["MẪU KẾ HOẠCH RIÊNG", "{{trich_yeu}}", "{{noi_dung}}"], plan);
        Assert.Contains(OfficialLayoutTemplates.NationalTitle, report);
        Assert.Contains(OfficialLayoutPlaceholders.TypeName, report);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(FileTypeSniffer.Docx, downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal("MẪU KẾ HOẠCH RIÊNG", Paragraphs(await downloaded.Content.ReadAsByteArrayAsync())[0]);
        var template = await app.WithDbAsync(db => db.Set<OutgoingTemplate>().AsNoTracking().SingleAsync(t => t.AgencyId == agencyId && t.TypeCode == "KH"));
        Assert.Single(await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "documents.outgoing-template.replace" && e.ObjectId == template.Id.ToString()).ToListAsync()));

        var reverted = await admin.DeleteAsync(TemplateUrl("KH"));
        var again = await admin.DeleteAsync(TemplateUrl("KH"));
        var after = await ParagraphsForAsync(agencyId, "KH");
        var builtIn = await admin.GetAsync(TemplateUrl("KH") + "/file");

        Assert.Equal(HttpStatusCode.NoContent, reverted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(OfficialLayoutTemplates.NationalTitle, after);
        Assert.Equal("builtIn", (await admin.TemplatesAsync()).Single(r => r.TypeCode == "KH").Source);
        Assert.Contains(OfficialLayoutPlaceholders.TypeName, Paragraphs(await builtIn.Content.ReadAsByteArrayAsync()));
        Assert.Single(await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "documents.outgoing-template.revert" && e.ObjectId == template.Id.ToString()).ToListAsync()));
    }

    [DbFact]
    public async Task A_template_without_the_body_placeholder_or_a_file_that_is_not_a_docx_is_refused_with_a_message()
    {
        var admin = await app.SignedInClientAsync();
        var withoutBody = await admin.UploadAsync(Docx("{{trich_yeu}}", "Nội dung gõ sẵn"), "thieu-noi-dung.docx");
        var pdf = await admin.UploadAsync(FileStoreClient.Pdf(2_000), "mau.pdf", "application/pdf");

        var refused = await admin.PutAsJsonAsync(TemplateUrl("TB"), new { fileId = withoutBody });
        var notDocx = await admin.PutAsJsonAsync(TemplateUrl("TB"), new { fileId = pdf });
        var noFile = await admin.PutAsJsonAsync(TemplateUrl("TB"), new { });
        var unknownType = await admin.PutAsJsonAsync(TemplateUrl("XYZ"), new { fileId = withoutBody });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Mẫu phải có một đoạn chứa {{noi_dung}} (nơi đặt nội dung văn bản).", await FieldErrorAsync(refused, "fileId"));
        Assert.Equal(HttpStatusCode.BadRequest, notDocx.StatusCode);
        Assert.Equal(ReplaceOutgoingTemplate.NotADocxMessage, await FieldErrorAsync(notDocx, "fileId"));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal("Vui lòng tải lên tệp mẫu (.docx).", await FieldErrorAsync(noFile, "fileId"));
        Assert.Equal(HttpStatusCode.NotFound, unknownType.StatusCode);
        Assert.Equal("builtIn", (await admin.TemplatesAsync()).Single(r => r.TypeCode == "TB").Source);
    }

    [DbFact]
    public async Task Another_agencys_administrator_sees_only_their_own_templates_and_cannot_use_or_revert_this_agencys()
    {
        var admin = await app.SignedInClientAsync();
        var fileId = await admin.UploadAsync(Docx("MẪU TỜ TRÌNH CỦA SỞ", "{{noi_dung}}"), "mau-to-trinh.docx");
        (await admin.PutAsJsonAsync(TemplateUrl("TTr"), new { fileId })).EnsureSuccessStatusCode();
        var other = await app.CreateOtherAgencyAsync();
        var otherAdmin = await app.SignedInAsAsync(other.AdminUserName);

        var theirRows = await otherAdmin.TemplatesAsync();
        var theirDownload = await otherAdmin.GetAsync(TemplateUrl("TTr") + "/file");
        var useOurFile = await otherAdmin.PutAsJsonAsync(TemplateUrl("TTr"), new { fileId });
        var revertOurs = await otherAdmin.DeleteAsync(TemplateUrl("TTr"));

        Assert.Equal(("builtIn", false), (theirRows.Single(r => r.TypeCode == "TTr").Source, theirRows.Single(r => r.TypeCode == "TTr").IsReplaced));
        Assert.DoesNotContain("MẪU TỜ TRÌNH CỦA SỞ", Paragraphs(await theirDownload.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, useOurFile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revertOurs.StatusCode);
        Assert.Equal("type", (await admin.TemplatesAsync()).Single(r => r.TypeCode == "TTr").Source);
        Assert.Equal("MẪU TỜ TRÌNH CỦA SỞ", (await ParagraphsForAsync(await app.DemoAgencyIdAsync(), "TTr"))[0]);
    }

    [DbFact]
    public async Task An_agencys_template_for_all_types_serves_every_type_without_its_own_the_official_letter_included()
    {
        var other = await app.CreateOtherAgencyAsync();
        var otherAdmin = await app.SignedInAsAsync(other.AdminUserName);
        var all = await otherAdmin.UploadAsync(Docx("MẪU CHUNG", "{{noi_dung}}"), "mau-chung.docx");
        var decision = await otherAdmin.UploadAsync(Docx("MẪU QUYẾT ĐỊNH", "{{noi_dung}}"), "mau-quyet-dinh.docx");

        (await otherAdmin.PutAsJsonAsync(TemplateUrl(OutgoingTemplate.AllTypes), new { fileId = all })).EnsureSuccessStatusCode();
        (await otherAdmin.PutAsJsonAsync(TemplateUrl("QĐ"), new { fileId = decision })).EnsureSuccessStatusCode();
        var rows = await otherAdmin.TemplatesAsync();

        Assert.Equal("MẪU QUYẾT ĐỊNH", (await ParagraphsForAsync(other.AgencyId, "QĐ"))[0]);
        Assert.Equal("MẪU CHUNG", (await ParagraphsForAsync(other.AgencyId, "CV"))[0]);
        Assert.Equal("MẪU CHUNG", (await ParagraphsForAsync(other.AgencyId, "BC"))[0]);
        Assert.Equal(("allTypes", true), (rows.Single(r => r.TypeCode == "*").Source, rows.Single(r => r.TypeCode == "*").IsReplaced));
        Assert.Equal(("allTypes", false, "mau-chung.docx"), (rows.Single(r => r.TypeCode == "BC").Source, rows.Single(r => r.TypeCode == "BC").IsReplaced,
            rows.Single(r => r.TypeCode == "BC").FileName));
        Assert.Equal(("type", true), (rows.Single(r => r.TypeCode == "QĐ").Source, rows.Single(r => r.TypeCode == "QĐ").IsReplaced));
        Assert.Equal(OutgoingTemplates.Types.Count + 1, rows.Count);
    }

    [DbFact]
    public async Task A_person_without_the_right_to_manage_registers_is_refused()
    {
        var (_, userName) = await app.CreateUserAsync("Chuyên Viên Thử", DefaultRoles.Specialist);
        var specialist = await app.SignedInAsAsync(userName);
        var fileId = await specialist.UploadAsync(Docx("{{noi_dung}}"), "mau.docx");

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync("/api/v1/documents/outgoing-templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync(TemplateUrl("QĐ") + "/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PutAsJsonAsync(TemplateUrl("GM"), new { fileId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.DeleteAsync(TemplateUrl("GM"))).StatusCode);
        var page = await specialist.GetAsync("/quan-tri/mau-van-ban-di");
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, page.StatusCode.ToString());
        Assert.DoesNotContain("template-table", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_page_uploads_a_template_with_its_antiforgery_token_shows_a_refusal_beside_the_file_and_reverts()
    {
        // A browser's form: the token comes with the form, not in the header scripts send.
        var admin = await app.SignedInClientAsync();
        admin.DefaultRequestHeaders.Remove(RequestForgeryGuard.HeaderName);
        var html = await admin.GetStringAsync("/quan-tri/mau-van-ban-di");
        Assert.Contains("Mẫu trình bày văn bản đi", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/quan-tri/mau-van-ban-di\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);

        using (var forged = Form(null, "GM", Docx("{{noi_dung}}"), "mau-giay-moi.docx"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/quan-tri/mau-van-ban-di", forged)).StatusCode);
        }

        using (var bad = Form(html, "GM", Docx("Không có chỗ nội dung"), "mau-sai.docx"))
        {
            var refused = await admin.PostAsync("/quan-tri/mau-van-ban-di", bad);
            var refusedHtml = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("<span class=\"text-danger small\" id=\"file-error\">Mẫu phải có một đoạn chứa {{noi_dung}} (nơi đặt nội dung văn bản).</span>",
                refusedHtml, StringComparison.Ordinal);
        }

        using (var good = Form(html, "GM", Docx("MẪU GIẤY MỜI", "{{noi_dung}}"), "mau-giay-moi.docx"))
        {
            var posted = await admin.PostAsync("/quan-tri/mau-van-ban-di", good);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var listed = await admin.GetStringAsync("/quan-tri/mau-van-ban-di");
        Assert.Contains("Đã thay mẫu trình bày của “Giấy mời” bằng tệp mau-giay-moi.docx.", listed, StringComparison.Ordinal);
        Assert.Equal("MẪU GIẤY MỜI", (await ParagraphsForAsync(await app.DemoAgencyIdAsync(), "GM"))[0]);
        var download = await admin.GetAsync("/quan-tri/mau-van-ban-di?handler=Download&typeCode=GM");
        Assert.Equal("MẪU GIẤY MỜI", Paragraphs(await download.Content.ReadAsByteArrayAsync())[0]);

        var revert = await admin.PostAsync("/quan-tri/mau-van-ban-di?handler=Revert", OrganizationTestKit.Form(listed, ("typeCode", "GM")));
        Assert.Equal(HttpStatusCode.Redirect, revert.StatusCode);
        Assert.Equal("builtIn", (await admin.TemplatesAsync()).Single(r => r.TypeCode == "GM").Source);
    }

    private static MultipartFormDataContent Form(string? pageHtml, string typeCode, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(typeCode), "Input.TypeCode" } };
        if (pageHtml is not null)
        {
            form.Add(new StringContent(OrganizationTestKit.Token(pageHtml)), "__RequestVerificationToken");
        }

        form.Add(new ByteArrayContent(file), "Input.File", fileName);
        return form;
    }

    private Task<List<string>> ParagraphsForAsync(Guid agencyId, string typeCode) =>
        app.WithServiceAsync<OutgoingTemplates, List<string>>(async templates =>
        {
            await using var stream = await templates.ForTypeAsync(agencyId, typeCode);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return Paragraphs(buffer.ToArray());
        });

    private static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field)[0].GetString();
    }
}

public sealed class OutgoingTemplatesTestsOnSqlite(SqliteApp app) : OutgoingTemplatesTests<SqliteApp>(app);

public sealed class OutgoingTemplatesTestsOnPostgres(PostgresApp app) : OutgoingTemplatesTests<PostgresApp>(app), IPostgresSuite;
