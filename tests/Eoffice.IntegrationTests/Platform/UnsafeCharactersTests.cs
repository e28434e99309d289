using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Platform;

/// <summary>
/// Control and bidirectional characters (issue 9, point 16): a file name with a right-to-left override would display as
/// another type of file, a lone NUL passed as a required reason, and invisible characters could hide in any text. The
/// edge removes them before validation, so a field holding nothing else is refused as empty beside the field. (A NUL
/// cannot reach a page: the framework's form reader refuses <c>%00</c> in a form body, so the page tests use others.)
/// </summary>
public abstract class UnsafeCharactersTests(EofficeApp app)
{
    private const string RightToLeftOverride = "\u202E";

    [DbFact]
    public async Task A_file_name_with_a_right_to_left_override_is_stored_shown_and_served_without_it()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");

        var upload = await FileStoreClient.UploadAsync(clerk, (Zip(), $"hoadon{RightToLeftOverride}fdp.zip", "application/zip"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var file = Assert.Single((await upload.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files);
        Assert.Equal("hoadonfdp.zip", file.FileName);
        var download = await clerk.GetAsync($"/api/v1/files/{file.Id}");
        Assert.Equal("hoadonfdp.zip", download.Content.Headers.ContentDisposition!.FileNameStar);
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v hóa đơn kèm tệp nén", ("fileIds", new[] { file.Id })));
        var page = await clerk.GetStringAsync($"/van-ban-den/{registered.Id}");
        Assert.Contains("hoadonfdp.zip", page, StringComparison.Ordinal);
        Assert.DoesNotContain(RightToLeftOverride, page, StringComparison.Ordinal);
        Assert.Equal("hoadonfdp.zip", Assert.Single((await app.LoadIncomingAsync(registered.Id)).Attachments).FileName);
    }

    [DbFact]
    public async Task A_cancellation_reason_of_only_a_nul_or_other_invisible_characters_is_refused_beside_the_field_on_the_api_and_the_page()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v văn bản không được hủy bằng ký tự rỗng"));

        var api = await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}/cancel", new { reason = "\u0000" });
        var url = $"/van-ban-den/{registered.Id}/sua";
        var form = await clerk.PostAsync(url + "?handler=Cancel", OrganizationTestKit.Form(await clerk.GetStringAsync(url), ("Cancel.Reason", "\u0001\u200B" + RightToLeftOverride)));

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await OrganizationTestKit.ProblemAsync(api)).GetProperty("errors");
        Assert.Equal("Vui lòng nhập lý do hủy đăng ký.", errors.GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Vui lòng nhập lý do hủy đăng ký.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal((IncomingStatus.Registered, (string?)null), (document.Status, document.CancelReason));
    }

    [DbFact]
    public async Task Control_and_bidirectional_characters_in_the_fields_of_a_page_form_are_removed_before_they_are_saved()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v trích yếu sẽ sửa trên trang"));
        var url = $"/van-ban-den/{registered.Id}/sua";

        var saved = await clerk.PostAsync(url, OrganizationTestKit.Form(await clerk.GetStringAsync(url), ("Input.Document.TypeCode", "CV"),
            ("Input.Document.IssuingOrganName", $"Ủy ban nhân dân\u200F tỉnh{RightToLeftOverride} Ninh Bình"),
            ("Input.Document.Subject", "V/v sửa\u0007 trên trang\uFEFF"), ("Input.Document.Urgency", "normal")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal(("V/v sửa trên trang", "Ủy ban nhân dân tỉnh Ninh Bình"), (document.Metadata.Subject, document.Metadata.IssuingOrganName));
    }

    [DbFact]
    public async Task Control_and_bidirectional_characters_in_the_nested_fields_of_an_api_request_are_removed_and_line_breaks_stay()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");

        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), $"V/v kế hoạch\u0007 năm{RightToLeftOverride} 2027\u2066",
            ("description", "Dòng một\u0000\r\nDòng hai\u00AD")));

        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal(("V/v kế hoạch năm 2027", "Dòng một\r\nDòng hai"), (document.Metadata.Subject, document.Metadata.Description));
    }

    [DbFact]
    public async Task An_audit_entry_with_decomposed_or_control_characters_in_its_text_still_verifies()
    {
        await app.WithServiceAsync<IAuditLog, bool>(async audit =>
        {
            await audit.RecordAsync(new AuditEvent("test.text", "test-object", "obj-1",
                Details: "Quyết định".Normalize(NormalizationForm.FormD) + RightToLeftOverride + "\u0000", ActorName: "kiem\u0000thu"));
            return true;
        });

        var verification = await app.WithServiceAsync<AuditChainVerifier, AuditVerification>(v => v.VerifyAsync());
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == "test.text"));
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(("Quyết định", "kiemthu"), (entry.Details, entry.ActorName));
    }

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hoa-don.txt").Open());
            entry.Write("Hóa đơn");
        }

        return buffer.ToArray();
    }
}

public sealed class UnsafeCharactersTestsOnSqlite(SqliteApp app) : UnsafeCharactersTests(app), IClassFixture<SqliteApp>;

public sealed class UnsafeCharactersTestsOnPostgres(PostgresApp app) : UnsafeCharactersTests(app), IClassFixture<PostgresApp>;
