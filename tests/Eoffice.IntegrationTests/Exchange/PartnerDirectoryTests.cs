using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// The administrator keeps the exchange directory through the API and the page: partners with their identifier,
/// channel, address and certificate (shown by subject, thumbprint, validity), the refusals met on the way, audit, and
/// the agency boundary.
/// </summary>
public abstract class PartnerDirectoryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    internal const string Partners = "/api/v1/exchange/partners";

    [DbFact]
    public async Task A_partner_is_added_with_its_certificate_listed_read_back_and_audited()
    {
        var admin = await app.SignedInClientAsync();
        using var certificate = PartnerCertificate("Sở Nội vụ tỉnh Nghệ An");
        var organId = UniqueOrganId();

        var response = await admin.PostAsJsonAsync(Partners, new
        {
            organId, name = "  Sở Nội vụ tỉnh Nghệ An ", channel = "eoffice-https", endpoint = "https://eoffice.snv.nghean.gov.vn/api/v1/exchange/receive",
            certificatePem = certificate.ExportCertificatePem(),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<PartnerDto>())!;
        Assert.Equal($"{Partners}/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((organId, "Sở Nội vụ tỉnh Nghệ An", "eoffice-https", "eOffice qua HTTPS", true),
            (created.OrganId, created.Name, created.Channel, created.ChannelName, created.IsActive));
        Assert.Equal(certificate.Subject, created.CertificateSubject);
        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), created.CertificateThumbprint);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), created.CertificateNotAfter!.Value, TimeSpan.FromSeconds(1));
        Assert.Contains(await admin.GetFromJsonAsync<List<PartnerDto>>(Partners) ?? [], p => p.Id == created.Id);
        var read = (await admin.GetFromJsonAsync<PartnerDto>($"{Partners}/{created.Id}"))!;
        Assert.Equal((created.OrganId, created.Name, created.Endpoint, created.CertificateSubject, created.CertificateThumbprint),
            (read.OrganId, read.Name, read.Endpoint, read.CertificateSubject, read.CertificateThumbprint));
        var stored = await app.WithDbAsync(db => db.Set<ExchangePartner>().AsNoTracking().SingleAsync(p => p.Id == created.Id));
        Assert.Equal(certificate.RawData, stored.CertificateDer);
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == "exchange.partner.create" && e.ObjectId == created.Id.ToString()));
        Assert.StartsWith($"{organId} Sở Nội vụ tỉnh Nghệ An: eOffice qua HTTPS, https://eoffice.snv.nghean.gov.vn/", entry.Details, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Bad_identifiers_addresses_and_certificates_and_a_duplicate_are_refused_beside_their_fields()
    {
        var admin = await app.SignedInClientAsync();
        using var valid = PartnerCertificate("Bộ Nội vụ");
        using var expired = PartnerCertificate("Hết hạn", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
        var organId = UniqueOrganId();
        var pem = valid.ExportCertificatePem();

        var lowerCase = await admin.PostAsJsonAsync(Partners, Body("000.00.00.h41", "https://a.example/receive", pem));
        var spaced = await admin.PostAsJsonAsync(Partners, Body("000.00.00 H41", "https://a.example/receive", pem));
        var plainHttp = await admin.PostAsJsonAsync(Partners, Body(organId, "http://eoffice.example.gov.vn/receive", pem));
        var noCertificate = await admin.PostAsJsonAsync(Partners, Body(organId, "https://a.example/receive", null));
        var garbage = await admin.PostAsJsonAsync(Partners, Body(organId, "https://a.example/receive", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        var outOfDate = await admin.PostAsJsonAsync(Partners, Body(organId, "https://a.example/receive", expired.ExportCertificatePem()));
        var badMail = await admin.PostAsJsonAsync(Partners, new { organId, name = "Xã A", channel = "email", endpoint = "khong-phai-thu" });
        var nothing = await admin.PostAsJsonAsync(Partners, new { });
        var first = await admin.PostAsJsonAsync(Partners, Body(organId, "https://a.example/receive", pem));
        var duplicate = await admin.PostAsJsonAsync(Partners, Body(organId, "https://b.example/receive", pem));
        var mailWithoutCertificate = await admin.PostAsJsonAsync(Partners,
            new { organId = UniqueOrganId(), name = "UBND xã Hưng Lộc", channel = "email", endpoint = "ubndxa@nghean.gov.vn" });

        Assert.Equal("Mã định danh chỉ gồm chữ in hoa A–Z, chữ số và dấu chấm, không có khoảng trắng.", await FieldErrorAsync(lowerCase, "organId"));
        Assert.Equal("Mã định danh chỉ gồm chữ in hoa A–Z, chữ số và dấu chấm, không có khoảng trắng.", await FieldErrorAsync(spaced, "organId"));
        Assert.Equal("Địa chỉ nhận phải là URL https:// (http:// chỉ dùng cho máy này).", await FieldErrorAsync(plainHttp, "endpoint"));
        Assert.Equal("Vui lòng tải lên chứng thư số của cơ quan (kênh này kiểm tra chữ ký số của gói tin).", await FieldErrorAsync(noCertificate, "certificatePem"));
        Assert.StartsWith("Không đọc được chứng thư số", await FieldErrorAsync(garbage, "certificatePem"), StringComparison.Ordinal);
        Assert.StartsWith("Chứng thư số không trong thời hạn hiệu lực", await FieldErrorAsync(outOfDate, "certificatePem"), StringComparison.Ordinal);
        Assert.Equal("Địa chỉ thư điện tử không hợp lệ.", await FieldErrorAsync(badMail, "endpoint"));
        Assert.Equal("Vui lòng nhập mã định danh điện tử của cơ quan.", await FieldErrorAsync(nothing, "organId"));
        Assert.Equal("Vui lòng nhập tên cơ quan.", await FieldErrorAsync(nothing, "name"));
        Assert.Equal("Chọn kênh gửi nhận.", await FieldErrorAsync(nothing, "channel"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("Cơ quan có mã định danh này đã có trong danh bạ liên thông.", await FieldErrorAsync(duplicate, "organId"));
        Assert.Equal(HttpStatusCode.Created, mailWithoutCertificate.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ExchangePartner>().CountAsync(p => p.OrganId == organId)));
    }

    [DbFact]
    public async Task A_change_keeps_the_certificate_unless_a_new_one_is_given_and_stopping_is_audited()
    {
        var admin = await app.SignedInClientAsync();
        using var first = PartnerCertificate("Sở Tư pháp");
        using var renewed = PartnerCertificate("Sở Tư pháp (gia hạn)");
        var organId = UniqueOrganId();
        var created = await CreateAsync(admin, organId, first);

        var stopped = await admin.PutAsJsonAsync($"{Partners}/{created.Id}", new
        {
            organId, name = "Sở Tư pháp tỉnh Nghệ An", channel = "eoffice-https", endpoint = "https://stp.example/receive", isActive = false,
        });
        var afterStop = (await stopped.Content.ReadFromJsonAsync<PartnerDto>())!;
        var rekeyed = await admin.PutAsJsonAsync($"{Partners}/{created.Id}", new
        {
            organId, name = "Sở Tư pháp tỉnh Nghệ An", channel = "eoffice-https", endpoint = "https://stp.example/receive", isActive = true,
            certificatePem = renewed.ExportCertificatePem(),
        });

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal((false, "Sở Tư pháp tỉnh Nghệ An", created.CertificateThumbprint), (afterStop.IsActive, afterStop.Name, afterStop.CertificateThumbprint));
        var afterRekey = (await rekeyed.Content.ReadFromJsonAsync<PartnerDto>())!;
        Assert.Equal((true, renewed.GetCertHashString(HashAlgorithmName.SHA256)), (afterRekey.IsActive, afterRekey.CertificateThumbprint));
        var entries = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "exchange.partner.update" && e.ObjectId == created.Id.ToString()).OrderBy(e => e.Id).Select(e => e.Details).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.EndsWith(", ngừng liên thông", entries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("ngừng liên thông", entries[1], StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Another_agencys_partner_is_not_found_and_a_person_without_the_right_is_refused()
    {
        var admin = await app.SignedInClientAsync();
        using var certificate = PartnerCertificate("Sở Y tế");
        var ours = await CreateAsync(admin, UniqueOrganId(), certificate);
        var other = await app.CreateOtherAgencyAsync();
        var otherAdmin = await app.SignedInClientAsync(other.AdminUserName, TestAccounts.Password);
        var (_, staffName) = await app.CreateUserAsync("Nhân Viên Thường");
        var staff = await app.SignedInClientAsync(staffName, TestAccounts.Password);

        var read = await otherAdmin.GetAsync($"{Partners}/{ours.Id}");
        var change = await otherAdmin.PutAsJsonAsync($"{Partners}/{ours.Id}", Body(ours.OrganId, "https://x.example/receive", certificate.ExportCertificatePem()));
        var theirList = await otherAdmin.GetFromJsonAsync<List<PartnerDto>>(Partners);
        var staffList = await staff.GetAsync(Partners);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.DoesNotContain(theirList ?? [], p => p.Id == ours.Id);
        Assert.Equal(HttpStatusCode.Forbidden, staffList.StatusCode);
        Assert.Equal("https://a.example/receive", (await admin.GetFromJsonAsync<PartnerDto>($"{Partners}/{ours.Id}"))!.Endpoint);
    }

    [DbFact]
    public async Task The_page_shows_errors_beside_the_fields_and_adds_a_partner_with_an_uploaded_certificate()
    {
        var admin = await app.SignedInClientAsync();
        admin.DefaultRequestHeaders.Remove(Eoffice.Web.Platform.Security.RequestForgeryGuard.HeaderName);
        using var certificate = PartnerCertificate("Sở Giáo dục và Đào tạo");
        var organId = UniqueOrganId();
        var page = await admin.GetStringAsync(Page);

        var refused = await admin.PostAsync(Page, Form(page, "000.00.00.h41", "", "ftp://x", null));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var added = await admin.PostAsync(Page, Form(page, organId, "Sở Giáo dục và Đào tạo", "https://sgd.example/receive", certificate.ExportCertificatePem()));
        var listed = await admin.GetStringAsync(Page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span class=\"text-danger small\" id=\"organ-id-error\">Mã định danh chỉ gồm chữ in hoa A–Z, chữ số và dấu chấm, không có khoảng trắng.</span>",
            refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<span class=\"text-danger small\" id=\"name-error\">Vui lòng nhập tên cơ quan.</span>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<span class=\"text-danger small\" id=\"endpoint-error\">Địa chỉ nhận phải là URL https:// (http:// chỉ dùng cho máy này).</span>",
            refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains($"<code>{organId}</code>", listed, StringComparison.Ordinal);
        Assert.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256), listed, StringComparison.Ordinal);
        Assert.Contains("Đã thêm Sở Giáo dục và Đào tạo", listed, StringComparison.Ordinal);
    }

    internal const string Page = "/quan-tri/lien-thong";

    private static int counter = Random.Shared.Next(100, 900);

    internal static string UniqueOrganId() => $"{Interlocked.Increment(ref counter) % 1000:000}.00.00.G{Random.Shared.Next(10, 99)}";

    internal static X509Certificate2 PartnerCertificate(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
    }

    private static object Body(string organId, string endpoint, string? pem) =>
        new { organId, name = "Cơ quan thử", channel = "eoffice-https", endpoint, certificatePem = pem };

    private static async Task<PartnerDto> CreateAsync(HttpClient client, string organId, X509Certificate2 certificate)
    {
        var response = await client.PostAsJsonAsync(Partners, Body(organId, "https://a.example/receive", certificate.ExportCertificatePem()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PartnerDto>())!;
    }

    private static MultipartFormDataContent Form(string pageHtml, string organId, string name, string endpoint, string? pem)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(OrganizationTestKit.Token(pageHtml)), "__RequestVerificationToken" },
            { new StringContent(organId), "Input.OrganId" },
            { new StringContent(name), "Input.Name" },
            { new StringContent("eoffice-https"), "Input.Channel" },
            { new StringContent(endpoint), "Input.Endpoint" },
        };
        if (pem is not null)
        {
            form.Add(new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(pem)), "Input.CertificateFile", "doi-tac.pem");
        }

        return form;
    }

    private static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages[0].GetString()
            : $"{(int)response.StatusCode} without an error for {field}: {problem}";
    }

    internal sealed record PartnerDto(Guid Id, string OrganId, string Name, string Channel, string ChannelName, string Endpoint, string? CertificateSubject,
        string? CertificateThumbprint, DateTime? CertificateNotBefore, DateTime? CertificateNotAfter, bool IsActive, DateTime UpdatedAt);
}

public sealed class PartnerDirectoryTestsOnSqlite(SqliteApp app) : PartnerDirectoryTests<SqliteApp>(app);

public sealed class PartnerDirectoryTestsOnPostgres(PostgresApp app) : PartnerDirectoryTests<PostgresApp>(app), IPostgresSuite;
