using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.OutgoingLayout;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.IntegrationTests.Platform.Signing;
using Eoffice.IntegrationTests.Platform.Signing.Pdf;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Signing;

/// <summary>
/// The administrator registers the certificates the agency signs with (a person's PKCS#12 file, the agency seal's
/// certificate), names the seal holders, uploads signature and seal images, and stops certificates — through the API,
/// with the refusals an administrator meets (bad password, duplicate, opaque image) and the agency and right boundaries.
/// </summary>
public abstract class CertificateAdministrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, ICertificateAdministrationApp
{
    [DbFact]
    public async Task A_personal_pkcs12_certificate_is_registered_for_its_owner_listed_without_its_key_and_audited()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, _) = await app.CreateUserAsync("Nguyễn Văn An");
        var person = app.Pki.IssuePerson();

        var response = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(person), capacities: ["kt", "tl"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CertificateDto>())!;
        Assert.Equal($"/api/v1/signing/certificates/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("personal", "server-file", ownerId, "Nguyễn Văn An", true), (created.Use, created.Location, created.OwnerId, created.OwnerName, created.IsActive));
        Assert.Equal((person.Subject, TestPki.PersonName, person.SerialNumber, person.Issuer), (created.Subject, created.SubjectName, created.SerialNumber, created.Issuer));
        Assert.Equal(["kt", "tl"], created.Capacities);
        var listed = Assert.Single(await ListAsync(admin), c => c.Id == created.Id);
        Assert.Equal((created.Thumbprint, created.NotAfter), (listed.Thumbprint, listed.NotAfter));
        var raw = await admin.GetStringAsync(Certificates);
        Assert.DoesNotContain("protectedKeyFile", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestPki.Pkcs12Password, raw, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Set<SigningCertificate>().AsNoTracking().SingleAsync(c => c.Id == created.Id));
        Assert.Equal(SigningCapacities.Deputy | SigningCapacities.ByOrder, stored.Capacities);
        Assert.NotNull(stored.ProtectedKeyFile);
        Assert.DoesNotContain(TestPki.Pkcs12Password, stored.ProtectedKeyFile, StringComparison.Ordinal);
        var entry = await AuditOfAsync("signing.certificate.register", created.Id);
        Assert.Equal($"Cá nhân, Tệp khóa trên máy chủ: {person.Subject}, số hiệu {person.SerialNumber}, của Nguyễn Văn An", entry.Details);
    }

    [DbFact]
    public async Task The_agency_seal_is_registered_with_its_remote_account_and_only_active_people_of_the_agency_become_its_holders()
    {
        var admin = await app.SignedInClientAsync();
        var (clerkId, _) = await app.CreateUserAsync("Trần Thị Văn Thư", DefaultRoles.Clerk);
        var (secondClerkId, _) = await app.CreateUserAsync("Lê Văn Giữ Dấu", DefaultRoles.Clerk);
        var (disabledId, _) = await app.CreateUserAsync("Phạm Đã Nghỉ", DefaultRoles.Clerk);
        await DisableAsync(disabledId);
        var other = await app.CreateOtherAgencyAsync();
        var seal = await RegisterAsync(admin, AgencySealRemote(app.Pki.IssueSeal(), "smartca-0912345678"));

        var holders = await admin.PutAsJsonAsync(SealHoldersUrl(seal.Id), new { holderIds = new[] { clerkId, secondClerkId, clerkId } });
        var foreignHolder = await admin.PutAsJsonAsync(SealHoldersUrl(seal.Id), new { holderIds = new[] { clerkId, other.PersonId } });
        var disabledHolder = await admin.PutAsJsonAsync(SealHoldersUrl(seal.Id), new { holderIds = new[] { disabledId } });
        var missing = await admin.PutAsJsonAsync(SealHoldersUrl(seal.Id), new { });

        Assert.Equal(("agency-seal", "remote", "smartca-0912345678", (Guid?)null, (string?)null), (seal.Use, seal.Location, seal.RemoteUserId, seal.OwnerId, seal.OwnerName));
        Assert.Empty(seal.Capacities);
        Assert.Equal(HttpStatusCode.OK, holders.StatusCode);
        Assert.Equal([("Lê Văn Giữ Dấu", secondClerkId), ("Trần Thị Văn Thư", clerkId)],
            (await holders.Content.ReadFromJsonAsync<CertificateDto>())!.SealHolders.Select(h => (h.Name, h.AccountId)));
        Assert.Equal("Người giữ dấu phải là người đang làm việc tại cơ quan.", await FieldErrorAsync(foreignHolder, "holderIds"));
        Assert.Equal("Người giữ dấu phải là người đang làm việc tại cơ quan.", await FieldErrorAsync(disabledHolder, "holderIds"));
        Assert.Equal("Chọn người giữ dấu.", await FieldErrorAsync(missing, "holderIds"));
        var listed = Assert.Single(await ListAsync(admin), c => c.Id == seal.Id);
        Assert.Equal([secondClerkId, clerkId], listed.SealHolders.Select(h => h.AccountId));
        Assert.Equal($"{seal.Subject}: Trần Thị Văn Thư, Lê Văn Giữ Dấu", (await AuditOfAsync("signing.seal-holders.set", seal.Id)).Details);
        Assert.StartsWith("Cơ quan (con dấu số), Ký số từ xa: ", (await AuditOfAsync("signing.certificate.register", seal.Id)).Details, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_personal_certificate_has_no_seal_holders_and_a_pkcs11_library_outside_the_allow_list_is_refused()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, _) = await app.CreateUserAsync("Đỗ Thị Ký");
        var personal = await RegisterAsync(admin, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())));
        var certificate = Convert.ToBase64String(app.Pki.IssuePerson().RawData);

        var holders = await admin.PutAsJsonAsync(SealHoldersUrl(personal.Id), new { holderIds = new[] { ownerId } });
        var outside = await admin.PostAsJsonAsync(Certificates, new
        {
            use = "personal", location = "pkcs11", ownerId, certificateBase64 = certificate,
            pkcs11Library = "/tmp/thu-vien-la.so", pkcs11TokenLabel = "token-an",
        });
        var allowed = await admin.PostAsJsonAsync(Certificates, new
        {
            use = "personal", location = "pkcs11", ownerId, certificateBase64 = certificate,
            pkcs11Library = app.Pkcs11Library, pkcs11TokenLabel = " token-an ", pkcs11KeyLabel = "",
        });

        Assert.Equal("Chỉ chứng thư số của cơ quan có người giữ dấu.", await FieldErrorAsync(holders, "holderIds"));
        Assert.Equal("Thư viện PKCS#11 này không có trong danh sách máy chủ được phép dùng.", await FieldErrorAsync(outside, "pkcs11Library"));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var token = (await allowed.Content.ReadFromJsonAsync<CertificateDto>())!;
        Assert.Equal(("pkcs11", app.Pkcs11Library, "token-an", (string?)null), (token.Location, token.Pkcs11Library, token.Pkcs11TokenLabel, token.Pkcs11KeyLabel));
        Assert.Equal(["own", "kt", "tl", "tuq"], token.Capacities);
    }

    [DbFact]
    public async Task A_wrong_pkcs12_password_a_duplicate_an_expired_certificate_and_a_missing_owner_are_refused_with_field_errors()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, _) = await app.CreateUserAsync("Vũ Văn Trùng");
        var (departedId, _) = await app.CreateUserAsync("Hoàng Văn Đã Nghỉ");
        await DisableAsync(departedId);
        var other = await app.CreateOtherAgencyAsync();
        var pkcs12 = app.Pki.ExportPkcs12(app.Pki.IssuePerson());
        var expired = app.Pki.ExportPkcs12(app.Pki.IssuePerson(new TestCertificateOptions { NotBefore = DateTimeOffset.UtcNow.AddYears(-2), NotAfter = DateTimeOffset.UtcNow.AddDays(-1) }));
        var before = await app.WithDbAsync(db => db.Set<SigningCertificate>().CountAsync());

        var wrongPassword = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(ownerId, pkcs12) with { KeyFilePassword = "sai-mat-khau" });
        var first = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(ownerId, pkcs12));
        var duplicate = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(ownerId, pkcs12));
        var outOfDate = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(ownerId, expired));
        var foreignOwner = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(other.PersonId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())));
        var departedOwner = await admin.PostAsJsonAsync(Certificates, PersonalServerFile(departedId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())));
        var nothing = await admin.PostAsJsonAsync(Certificates, new { use = "personal", location = "server-file" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal("Không mở được tệp khóa (.p12/.pfx): sai mật khẩu hoặc tệp hỏng.", await FieldErrorAsync(wrongPassword, "keyFileBase64"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("Chứng thư số này đã được đăng ký.", await FieldErrorAsync(duplicate, "keyFileBase64"));
        Assert.StartsWith("Chứng thư số không trong thời hạn hiệu lực", await FieldErrorAsync(outOfDate, "keyFileBase64"), StringComparison.Ordinal);
        Assert.Equal("Người sở hữu không thuộc cơ quan.", await FieldErrorAsync(foreignOwner, "ownerId"));
        Assert.Equal(HttpStatusCode.BadRequest, departedOwner.StatusCode);
        Assert.Equal("Người sở hữu phải là người đang làm việc tại cơ quan.", await FieldErrorAsync(departedOwner, "ownerId"));
        Assert.Equal("Chọn người sở hữu chứng thư số.", await FieldErrorAsync(nothing, "ownerId"));
        Assert.Equal("Vui lòng tải lên tệp khóa (.p12/.pfx).", await FieldErrorAsync(nothing, "keyFileBase64"));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<SigningCertificate>().CountAsync()));
    }

    [DbFact]
    public async Task Stopping_a_certificate_erases_its_key_file_is_audited_and_stopping_it_again_is_a_conflict()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, _) = await app.CreateUserAsync("Bùi Thị Ngừng");
        var created = await RegisterAsync(admin, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())));

        var stopped = await admin.PostAsync(DeactivateUrl(created.Id), null);
        var again = await admin.PostAsync(DeactivateUrl(created.Id), null);

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.False((await stopped.Content.ReadFromJsonAsync<CertificateDto>())!.IsActive);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Chứng thư số đã ngừng sử dụng.", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var stored = await app.WithDbAsync(db => db.Set<SigningCertificate>().AsNoTracking().SingleAsync(c => c.Id == created.Id));
        Assert.Equal((false, (string?)null), (stored.IsActive, stored.ProtectedKeyFile));
        Assert.NotNull(stored.DeactivatedAt);
        Assert.Equal($"{created.Subject}, số hiệu {created.SerialNumber}", (await AuditOfAsync("signing.certificate.deactivate", created.Id)).Details);
        Assert.False(Assert.Single(await ListAsync(admin), c => c.Id == created.Id).IsActive);
    }

    [DbFact]
    public async Task A_transparent_png_becomes_the_seal_and_a_persons_signature_and_a_pdf_or_an_opaque_png_is_refused()
    {
        var admin = await app.SignedInClientAsync();
        var (personId, _) = await app.CreateUserAsync("Ngô Văn Chữ Ký");
        var seal = await admin.UploadAsync(PdfSamples.Png(120, 120, 200, 0, 0), "con-dau.png", "image/png");
        var signature = await admin.UploadAsync(PdfSamples.Png(200, 80, 0, 0, 180), "chu-ky.png", "image/png");
        var replacement = await admin.UploadAsync(PdfSamples.Png(300, 100, 0, 0, 160), "chu-ky-moi.png", "image/png");
        var opaque = await admin.UploadAsync(OpaquePng, "nen-trang.png", "image/png");
        var pdf = await admin.UploadAsync(FileStoreClient.Pdf(2_000), "anh.pdf", "application/pdf");

        var sealSet = await admin.PutAsJsonAsync(ImageUrl("seal"), new { fileId = seal });
        var signatureSet = await admin.PutAsJsonAsync(ImageUrl(personId.ToString()), new { fileId = signature });
        var replaced = await admin.PutAsJsonAsync(ImageUrl(personId.ToString()), new { fileId = replacement });
        var opaqueRefused = await admin.PutAsJsonAsync(ImageUrl("seal"), new { fileId = opaque });
        var pdfRefused = await admin.PutAsJsonAsync(ImageUrl("seal"), new { fileId = pdf });
        var noFile = await admin.PutAsJsonAsync(ImageUrl("seal"), new { });
        var unknownPerson = await admin.PutAsJsonAsync(ImageUrl(Guid.NewGuid().ToString()), new { fileId = seal });

        Assert.Equal(HttpStatusCode.OK, sealSet.StatusCode);
        var sealImage = (await sealSet.Content.ReadFromJsonAsync<ImageDto>())!;
        Assert.Equal(((Guid?)null, "con dấu của cơ quan", seal, "con-dau.png", 120, 120), (sealImage.OwnerId, sealImage.OwnerName, sealImage.FileId, sealImage.FileName, sealImage.Width, sealImage.Height));
        var replacedImage = (await replaced.Content.ReadFromJsonAsync<ImageDto>())!;
        Assert.Equal((personId, "Ngô Văn Chữ Ký", replacement, 300, 100), (replacedImage.OwnerId, replacedImage.OwnerName, replacedImage.FileId, replacedImage.Width, replacedImage.Height));
        Assert.Equal((await signatureSet.Content.ReadFromJsonAsync<ImageDto>())!.Id, replacedImage.Id);
        Assert.Equal("Ảnh phải có nền trong suốt (PNG có kênh alpha).", await FieldErrorAsync(opaqueRefused, "fileId"));
        Assert.Equal("Ảnh chữ ký, con dấu phải là tệp PNG.", await FieldErrorAsync(pdfRefused, "fileId"));
        Assert.Equal("Vui lòng tải lên ảnh (.png).", await FieldErrorAsync(noFile, "fileId"));
        Assert.Equal(HttpStatusCode.NotFound, unknownPerson.StatusCode);
        var agencyId = await app.DemoAgencyIdAsync();
        var stored = await app.WithDbAsync(db => db.Set<SignatureImage>().AsNoTracking().SingleAsync(i => i.AgencyId == agencyId && i.OwnerId == null));
        Assert.Equal(seal, stored.FileId);
        var entries = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "signing.image.replace" && e.ObjectId == replacedImage.Id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
        Assert.Equal([$"Ảnh chữ ký của Ngô Văn Chữ Ký: chu-ky.png (200×80, tệp {signature})", $"Ảnh chữ ký của Ngô Văn Chữ Ký: chu-ky-moi.png (300×100, tệp {replacement})"], entries);
    }

    [DbFact]
    public async Task A_png_whose_chunk_length_points_past_the_file_is_refused_as_opaque_not_answered_with_a_server_error()
    {
        var admin = await app.SignedInClientAsync();
        var crafted = OpaquePng[..33].Concat(new byte[] { 0x7F, 0xFF, 0xFF, 0xF0 }).Concat("tEXt"u8.ToArray()).Concat(new byte[16]).ToArray();
        var fileId = await admin.UploadAsync(crafted, "la.png", "image/png");

        var response = await admin.PutAsJsonAsync(ImageUrl("seal"), new { fileId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ảnh phải có nền trong suốt (PNG có kênh alpha).", await FieldErrorAsync(response, "fileId"));
    }

    [DbFact]
    public async Task A_person_without_the_right_to_manage_signing_is_refused_everywhere()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, userName) = await app.CreateUserAsync("Chuyên Viên Ký", DefaultRoles.Specialist);
        var specialist = await app.SignedInAsAsync(userName);
        var created = await RegisterAsync(admin, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())));
        var fileId = await specialist.UploadAsync(PdfSamples.Png(60, 30, 0, 0, 200), "chu-ky.png", "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync(Certificates)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync(Certificates, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync(DeactivateUrl(created.Id), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PutAsJsonAsync(SealHoldersUrl(created.Id), new { holderIds = new[] { ownerId } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PutAsJsonAsync(ImageUrl(ownerId.ToString()), new { fileId })).StatusCode);
        Assert.True(Assert.Single(await ListAsync(admin), c => c.Id == created.Id).IsActive);
    }

    [DbFact]
    public async Task Another_agencys_administrator_does_not_see_or_change_this_agencys_certificates_or_images()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, _) = await app.CreateUserAsync("Lý Thị Riêng");
        var personal = await RegisterAsync(admin, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(app.Pki.IssuePerson())));
        var seal = await RegisterAsync(admin, AgencySealRemote(app.Pki.IssueSeal(), "mysign-01"));
        var ourFile = await admin.UploadAsync(PdfSamples.Png(60, 60, 200, 0, 0), "con-dau.png", "image/png");
        var other = await app.CreateOtherAgencyAsync();
        var otherAdmin = await app.SignedInAsAsync(other.AdminUserName);

        var theirList = await ListAsync(otherAdmin);
        var stop = await otherAdmin.PostAsync(DeactivateUrl(personal.Id), null);
        var holders = await otherAdmin.PutAsJsonAsync(SealHoldersUrl(seal.Id), new { holderIds = new[] { other.PersonId } });
        var ourPerson = await otherAdmin.PutAsJsonAsync(ImageUrl(ownerId.ToString()), new { fileId = ourFile });
        var ourUpload = await otherAdmin.PutAsJsonAsync(ImageUrl("seal"), new { fileId = ourFile });

        Assert.DoesNotContain(theirList, c => c.Id == personal.Id || c.Id == seal.Id);
        Assert.Equal(HttpStatusCode.NotFound, stop.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, holders.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ourPerson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ourUpload.StatusCode);
        Assert.True(Assert.Single(await ListAsync(admin), c => c.Id == personal.Id).IsActive);
        Assert.Empty(Assert.Single(await ListAsync(admin), c => c.Id == seal.Id).SealHolders);
    }

    [DbFact]
    public async Task The_page_lists_certificates_html_encoded_for_the_administrator_and_refuses_a_specialist()
    {
        var admin = await app.SignedInClientAsync();
        var (ownerId, userName) = await app.CreateUserAsync("Phan Văn <Trang>", DefaultRoles.Specialist);
        var certificate = app.Pki.Issue("Phan Văn <Trang> & Cộng sự", TestPki.AgencyName);
        await RegisterAsync(admin, PersonalServerFile(ownerId, app.Pki.ExportPkcs12(certificate), capacities: ["tuq"]));

        var html = await admin.GetStringAsync(Page);
        var home = await admin.GetStringAsync("/");
        var specialist = await app.SignedInAsAsync(userName);
        var refused = await specialist.GetAsync(Page);

        Assert.Contains("<strong>Phan Văn &lt;Trang&gt; &amp; Cộng sự</strong>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(certificate.Subject), html, StringComparison.Ordinal);
        Assert.Contains($"<code>{certificate.SerialNumber}</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Trang>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{app.Pkcs11Library}\">{app.Pkcs11Library}</option>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", home, StringComparison.Ordinal);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
        Assert.DoesNotContain("certificate-table", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{Page}\"", await specialist.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_register_form_needs_its_token_shows_a_wrong_password_beside_the_key_file_and_registers_a_pkcs12_file()
    {
        var admin = BrowserForm(await app.SignedInClientAsync());
        var (ownerId, _) = await app.CreateUserAsync("Đinh Thị Biểu Mẫu");
        var html = await admin.GetStringAsync(Page);
        var pkcs12 = app.Pki.ExportPkcs12(app.Pki.IssuePerson());

        using (var forged = RegisterForm(null, ownerId, pkcs12, TestPki.Pkcs12Password))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(Page, forged)).StatusCode);
        }

        using (var wrong = RegisterForm(html, ownerId, pkcs12, "sai-mat-khau"))
        {
            var refused = await admin.PostAsync(Page, wrong);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("<span class=\"text-danger small\" id=\"key-file-error\">Không mở được tệp khóa (.p12/.pfx): sai mật khẩu hoặc tệp hỏng.</span>",
                await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var noFile = RegisterForm(html, null, null, null))
        {
            var refusedHtml = await (await admin.PostAsync(Page, noFile)).Content.ReadAsStringAsync();
            Assert.Contains("<span class=\"text-danger small\" id=\"owner-error\">Chọn người sở hữu chứng thư số.</span>", refusedHtml, StringComparison.Ordinal);
            Assert.Contains("<span class=\"text-danger small\" id=\"key-file-error\">Vui lòng tải lên tệp khóa (.p12/.pfx).</span>", refusedHtml, StringComparison.Ordinal);
        }

        using (var good = RegisterForm(html, ownerId, pkcs12, TestPki.Pkcs12Password, "own", "kt"))
        {
            var posted = await admin.PostAsync(Page, good);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal(Page, posted.Headers.Location?.OriginalString);
        }

        var registered = Assert.Single(await ListAsync(await app.SignedInClientAsync()), c => c.OwnerId == ownerId);
        Assert.Equal(("server-file", true), (registered.Location, registered.IsActive));
        Assert.Equal(["own", "kt"], registered.Capacities);
        Assert.Contains($"Đã đăng ký chứng thư số {TestPki.PersonName} (số hiệu {registered.SerialNumber}).", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<SigningCertificate>().Where(c => c.Id == registered.Id).Select(c => c.ProtectedKeyFile).SingleAsync()));
    }

    [DbFact]
    public async Task The_page_names_the_seal_holders_stops_a_certificate_once_and_uploads_a_seal_image_it_then_shows()
    {
        var admin = BrowserForm(await app.SignedInClientAsync());
        var (clerkId, _) = await app.CreateUserAsync("Trịnh Văn Thư Ký", DefaultRoles.Clerk);
        var seal = await RegisterAsync(await app.SignedInClientAsync(), AgencySealRemote(app.Pki.IssueSeal(), "smartca-page"));
        var html = await admin.GetStringAsync(Page);

        var holders = await admin.PostAsync(Page + "?handler=SealHolders",
            OrganizationTestKit.Form(html, ("Holders.CertificateId", seal.Id.ToString()), ("Holders.HolderIds", clerkId.ToString())));
        var stopped = await admin.PostAsync(Page + "?handler=Deactivate", OrganizationTestKit.Form(html, ("id", seal.Id.ToString())));
        var again = await admin.PostAsync(Page + "?handler=Deactivate", OrganizationTestKit.Form(html, ("id", seal.Id.ToString())));
        var png = PdfSamples.Png(90, 90, 220, 0, 0);
        using var opaque = ImageForm(html, "seal", OpaquePng);
        var opaqueRefused = await admin.PostAsync(Page + "?handler=Image", opaque);
        using var image = ImageForm(html, "seal", png);
        var uploaded = await admin.PostAsync(Page + "?handler=Image", image);
        var after = await admin.GetStringAsync(Page);
        var preview = await admin.GetAsync(Page + "?handler=Image&owner=seal");
        var none = await admin.GetAsync(Page + $"?handler=Image&owner={clerkId}");

        Assert.Equal(HttpStatusCode.Redirect, holders.StatusCode);
        Assert.Equal([clerkId], (await app.WithDbAsync(db => db.Set<SigningCertificate>().Include(c => c.SealHolders).AsNoTracking().SingleAsync(c => c.Id == seal.Id)))
            .SealHolders.Select(h => h.AccountId));
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("<div class=\"alert alert-danger\" role=\"alert\" id=\"page-error\">Chứng thư số đã ngừng sử dụng.</div>",
            await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<span class=\"text-danger small\" id=\"image-error\">Ảnh phải có nền trong suốt (PNG có kênh alpha).</span>",
            await opaqueRefused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("Đã thay ảnh con dấu (90×90 điểm ảnh).", after, StringComparison.Ordinal);
        Assert.Contains($"src=\"{Page}?handler=Image&amp;owner=seal\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    internal const string Page = "/quan-tri/chung-thu-so";

    /// <summary>A browser's form: the token comes with the form, not in the header the site's scripts send.</summary>
    private static HttpClient BrowserForm(HttpClient client)
    {
        client.DefaultRequestHeaders.Remove(Eoffice.Web.Platform.Security.RequestForgeryGuard.HeaderName);
        return client;
    }

    private static MultipartFormDataContent RegisterForm(string? pageHtml, Guid? ownerId, byte[]? pkcs12, string? password, params string[] capacities)
    {
        var form = new MultipartFormDataContent { { new StringContent("personal"), "Input.Use" }, { new StringContent("server-file"), "Input.Location" } };
        if (pageHtml is not null)
        {
            form.Add(new StringContent(OrganizationTestKit.Token(pageHtml)), "__RequestVerificationToken");
        }

        form.Add(new StringContent(ownerId?.ToString() ?? string.Empty), "Input.OwnerId");
        foreach (var capacity in capacities)
        {
            form.Add(new StringContent(capacity), "Input.Capacities");
        }

        if (pkcs12 is not null)
        {
            form.Add(new ByteArrayContent(pkcs12), "Input.KeyFile", "chung-thu.p12");
        }

        if (password is not null)
        {
            form.Add(new StringContent(password), "Input.KeyFilePassword");
        }

        return form;
    }

    private static MultipartFormDataContent ImageForm(string pageHtml, string owner, byte[] png) => new()
    {
        { new StringContent(OrganizationTestKit.Token(pageHtml)), "__RequestVerificationToken" },
        { new StringContent(owner), "Image.Owner" },
        { new ByteArrayContent(png), "Image.File", "anh.png" },
    };

    internal const string Certificates = "/api/v1/signing/certificates";

    /// <summary>A 16×16 RGB PNG without transparency (colour type 2, no tRNS chunk).</summary>
    internal static readonly byte[] OpaquePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4ICBAEmIY1TCqYfhqAADHKeABR5SO8gAAAABJRU5ErkJggg==");

    internal static string DeactivateUrl(Guid id) => $"{Certificates}/{id}/deactivate";

    internal static string SealHoldersUrl(Guid id) => $"{Certificates}/{id}/seal-holders";

    internal static string ImageUrl(string owner) => $"/api/v1/signing/images/{owner}";

    internal static RegisterBody PersonalServerFile(Guid ownerId, byte[] pkcs12, string[]? capacities = null) =>
        new("personal", "server-file", ownerId, capacities, null, Convert.ToBase64String(pkcs12), TestPki.Pkcs12Password, null, null, null, null);

    internal static RegisterBody AgencySealRemote(X509Certificate2 certificate, string remoteUserId) =>
        new("agency-seal", "remote", null, null, Convert.ToBase64String(certificate.RawData), null, null, null, null, null, remoteUserId);

    internal static async Task<CertificateDto> RegisterAsync(HttpClient client, RegisterBody body)
    {
        var response = await client.PostAsJsonAsync(Certificates, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CertificateDto>())!;
    }

    internal static async Task<List<CertificateDto>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<CertificateDto>>(Certificates))!;

    private static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        // As a string: the content is buffered, so two fields of one answer can be read.
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages[0].GetString()
            : $"{(int)response.StatusCode} without an error for {field}: {problem}";
    }

    private Task<AuditEntry> AuditOfAsync(string action, Guid id) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == action && e.ObjectId == id.ToString()));

    private Task DisableAsync(Guid userId) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Set<User>().SingleAsync(u => u.Id == userId);
            user.Disable("Nghỉ việc");
            await db.SaveChangesAsync();
        });

    internal sealed record RegisterBody(string? Use, string? Location, Guid? OwnerId, string[]? Capacities, string? CertificateBase64,
        string? KeyFileBase64, string? KeyFilePassword, string? Pkcs11Library, string? Pkcs11TokenLabel, string? Pkcs11KeyLabel, string? RemoteUserId);

    internal sealed record HolderDto(Guid AccountId, string Name);

    internal sealed record CertificateDto(Guid Id, string Use, string Location, string Subject, string SubjectName, string Issuer,
        string SerialNumber, string Thumbprint, DateTime NotBefore, DateTime NotAfter, Guid? OwnerId, string? OwnerName,
        List<string> Capacities, List<HolderDto> SealHolders, string? Pkcs11Library, string? Pkcs11TokenLabel, string? Pkcs11KeyLabel,
        string? RemoteUserId, bool IsActive);

    private sealed record ImageDto(Guid Id, Guid? OwnerId, string OwnerName, Guid FileId, string FileName, int Width, int Height);
}

/// <summary>An app with its own test PKI and one allowed PKCS#11 library (never loaded by these tests).</summary>
public interface ICertificateAdministrationApp
{
    TestPki Pki { get; }

    string Pkcs11Library { get; }
}

public sealed class CertificateAdministrationSqliteApp : SqliteApp, ICertificateAdministrationApp
{
    public TestPki Pki { get; } = new();

    public string Pkcs11Library => CertificateAdministrationSettings.Library;

    protected override IDictionary<string, string?> ExtraSettings => CertificateAdministrationSettings.Settings;
}

public sealed class CertificateAdministrationPostgresApp : PostgresApp, ICertificateAdministrationApp
{
    public TestPki Pki { get; } = new();

    public string Pkcs11Library => CertificateAdministrationSettings.Library;

    protected override IDictionary<string, string?> ExtraSettings => CertificateAdministrationSettings.Settings;
}

internal static class CertificateAdministrationSettings
{
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Signing:Pkcs11Libraries:0"] = Library };
}

public sealed class CertificateAdministrationTestsOnSqlite(CertificateAdministrationSqliteApp app)
    : CertificateAdministrationTests<CertificateAdministrationSqliteApp>(app);

public sealed class CertificateAdministrationTestsOnPostgres(CertificateAdministrationPostgresApp app)
    : CertificateAdministrationTests<CertificateAdministrationPostgresApp>(app), IPostgresSuite;
