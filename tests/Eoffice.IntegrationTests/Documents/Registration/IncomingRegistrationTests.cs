using System.Net;
using System.Net.Http.Json;
using System.Text;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Registration;

/// <summary>The clerk receives and registers incoming documents (issue #4, "Deliver" 1 and 2) through the API.</summary>
public abstract class IncomingRegistrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static string Today => VietnamTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) =>
        VietnamTime.DateOf(DateTimeOffset.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> LastNumberAsync(Guid registerId, int year) =>
        app.WithDbAsync(db => db.Set<IncomingDocument>().Where(d => d.RegisterId == registerId && d.Year == year)
            .Select(d => (int?)d.ArrivalNumber).MaxAsync().ContinueWith(t => t.Result ?? 0, TaskScheduler.Default));

    [DbFact]
    public async Task Fifty_parallel_registrations_through_the_API_get_fifty_distinct_consecutive_numbers()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var year = VietnamTime.DateOf(DateTimeOffset.UtcNow).Year;
        var before = await LastNumberAsync(register, year);

        var scans = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            scans.Add(await clerk.UploadPdfAsync());
        }

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            clerk.RegisterOkAsync(RegistrationKit.Body(register, $"V/v đăng ký song song lần {i}", ("fileIds", new[] { scans[i - 1] })))));

        var numbers = results.Select(r => r.ArrivalNumber).Order().ToList();
        Assert.Equal(Enumerable.Range(before + 1, 50), numbers);
        Assert.All(results, r => Assert.Equal(year, r.Year));
        Assert.Equal(before + 50, await LastNumberAsync(register, year));
    }

    [DbFact]
    public async Task The_administrator_creates_a_register_and_names_its_keeper_and_its_first_document_of_each_year_gets_number_1()
    {
        var admin = await app.SignedInClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/documents/registers", new { name = "Sổ văn bản đến thử năm mới " + Guid.NewGuid().ToString("N")[..6], code = "TN" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var registerId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var dtmai = await app.DemoUserIdAsync("dtmai");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/documents/registers/{registerId}/keepers", new { userIds = new[] { dtmai } })).StatusCode);
        var specialist = await app.DemoUserIdAsync("cxtruong");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/documents/registers/{registerId}/keepers", new { userIds = new[] { specialist } })).StatusCode);

        var clerk = await app.SignedInDemoAsync("dtmai");
        var mine = await clerk.GetFromJsonAsync<List<RegisterResponse>>("/api/v1/documents/registers?mine=true");
        Assert.Contains(mine!, r => r.Id == registerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/documents/registers")).StatusCode);

        var thisYear = await clerk.RegisterOkAsync(RegistrationKit.Body(registerId, "V/v văn bản đầu tiên của sổ"));
        var lastYearDate = new DateOnly(VietnamTime.DateOf(DateTimeOffset.UtcNow).Year - 1, 12, 30);
        var lastYear = await clerk.RegisterOkAsync(RegistrationKit.Body(registerId, "V/v văn bản nhập bù năm trước",
            ("arrivalDate", lastYearDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("arrivalTime", "14:20:00"),
            ("issuedDate", lastYearDate.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("backEntry", new { handledOn = lastYearDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), handlingNote = "Giám đốc bút phê trên bản giấy" })));
        var second = await clerk.RegisterOkAsync(RegistrationKit.Body(registerId, "V/v văn bản thứ hai của sổ"));

        Assert.Equal(1, thisYear.ArrivalNumber);
        Assert.Equal((lastYearDate.Year, 1), (lastYear.Year, lastYear.ArrivalNumber));
        Assert.Equal(2, second.ArrivalNumber);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/documents/registers/{registerId}", new { name = "Sổ đã ngừng " + registerId, isActive = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(registerId, "V/v sổ đã ngừng"))).StatusCode);
    }

    [DbFact]
    public async Task A_probable_duplicate_by_number_symbol_and_organ_or_by_file_content_is_warned_and_confirming_registers_it()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var number = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..6];
        var pdf = FileStoreClient.Pdf(8_000);
        var first = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v triển khai kế hoạch bảo trì đường bộ",
            ("codeNumber", number), ("codeNotation", "QĐ-UBND"), ("issuingOrganName", "Ủy ban nhân dân tỉnh Ninh Bình"),
            ("fileIds", new[] { await clerk.UploadPdfAsync(pdf) })));

        var again = RegistrationKit.Body(register, "V/v triển khai kế hoạch bảo trì đường bộ (bản gửi lại)",
            ("codeNumber", " " + number), ("codeNotation", "qđ-ubnd"), ("issuingOrganName", "ủy ban nhân dân tỉnh ninh bình "), ("issuingOrganId", null));
        var warned = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", again);
        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var warning = (await warned.JsonAsync()).GetProperty("warnings")[0];
        Assert.Equal("duplicate-number", warning.GetProperty("kind").GetString());
        Assert.Equal(first.Id, warning.GetProperty("documentId").GetGuid());
        Assert.Equal(first.ArrivalNumber, warning.GetProperty("arrivalNumber").GetInt32());

        var sameFile = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "V/v một văn bản khác số",
            ("fileIds", new[] { await clerk.UploadPdfAsync(pdf, "ban-scan-lai.pdf") })));
        Assert.Equal(HttpStatusCode.Conflict, sameFile.StatusCode);
        var fileWarning = (await sameFile.JsonAsync()).GetProperty("warnings")[0];
        Assert.Equal("duplicate-file", fileWarning.GetProperty("kind").GetString());
        Assert.Equal(first.Id, fileWarning.GetProperty("documentId").GetGuid());

        again["confirmWarnings"] = true;
        var confirmed = await clerk.RegisterOkAsync(again);
        Assert.Equal(first.ArrivalNumber + 1, confirmed.ArrivalNumber);
    }

    [DbFact]
    public async Task A_duplicate_is_found_among_hundreds_of_documents_of_other_organs_with_the_same_number()
    {
        // Every organ issues its own "số 15" each year: the check must still reach the one that matches.
        var number = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var register = await app.AgencyRegisterIdAsync();
        for (var i = 1; i <= 250; i++)
        {
            await app.RegisterDirectAsync($"V/v báo cáo tình hình của xã số {i}", codeNumber: number, codeNotation: "UBND-VP",
                organ: $"Ủy ban nhân dân xã Thôn {i}", registerId: register);
        }

        var same = await app.RegisterDirectAsync("V/v tổng hợp tình hình thực hiện nhiệm vụ", codeNumber: number, codeNotation: "VP-TH",
            organ: "Văn phòng Ủy ban nhân dân tỉnh Ninh Bình", registerId: register);

        var clerk = await app.SignedInDemoAsync("dtmai");
        var warned = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register,
            "V/v tổng hợp tình hình thực hiện nhiệm vụ", ("codeNumber", number), ("codeNotation", "VP-TH"),
            ("issuingOrganName", "Văn phòng Ủy ban nhân dân tỉnh Ninh Bình")));
        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var warnings = (await warned.JsonAsync()).GetProperty("warnings").EnumerateArray().ToList();
        var warning = Assert.Single(warnings, w => w.GetProperty("kind").GetString() == "duplicate-number");
        Assert.Equal(same, warning.GetProperty("documentId").GetGuid());
    }

    [DbFact]
    public async Task Complaint_letters_and_documents_addressed_to_a_named_person_are_warned()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var response = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "Đơn tố cáo cán bộ thu phí sai quy định",
            ("addressedToNamedPerson", true)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var kinds = (await response.JsonAsync()).GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("kind").GetString()).ToList();
        Assert.Contains("complaint", kinds);
        Assert.Contains("named-person", kinds);
    }

    [DbFact]
    public async Task A_complaint_letter_is_warned_like_a_denunciation()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var count = await app.WithDbAsync(db => db.Set<IncomingDocument>().CountAsync());
        var response = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "Đơn khiếu nại về việc thu hồi đất"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var warning = Assert.Single((await response.JsonAsync()).GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "complaint");
        Assert.Contains("khiếu nại", warning.GetProperty("message").GetString());
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<IncomingDocument>().CountAsync())); // nothing registered until confirmed
    }

    [DbFact]
    public async Task A_secret_document_is_refused_nothing_is_stored_and_no_number_is_used()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var year = VietnamTime.DateOf(DateTimeOffset.UtcNow).Year;
        var before = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v văn bản trước văn bản mật"));
        var count = await app.WithDbAsync(db => db.Set<IncomingDocument>().CountAsync());

        foreach (var level in new[] { "mat", "toi-mat", "tuyet-mat" })
        {
            var refused = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "V/v tài liệu mật " + level, ("confidentiality", level)));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("confidentiality")[0].GetString();
            Assert.Contains("không được tiếp nhận", message, StringComparison.Ordinal);
        }

        Assert.Equal(count, await app.WithDbAsync(db => db.Set<IncomingDocument>().CountAsync()));
        var after = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v văn bản sau văn bản mật"));
        Assert.Equal(before.ArrivalNumber + 1, after.ArrivalNumber);
        Assert.Equal(year, after.Year);
    }

    [DbFact]
    public async Task A_back_entry_keeps_the_real_dates_of_arrival_and_handling_and_is_flagged()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v văn bản xử lý trên giấy khi mất điện",
            ("arrivalDate", DaysAgo(12)), ("arrivalTime", "09:15:00"), ("issuedDate", DaysAgo(14)),
            ("backEntry", new { handledOn = DaysAgo(11), handlingNote = "Giám đốc giao phòng Kết cấu hạ tầng chủ trì" })));

        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.True(document.IsBackEntered);
        Assert.Equal(VietnamTime.ToUtc(DateOnly.Parse(DaysAgo(12), System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(9, 15)).UtcDateTime, document.ArrivalAt);
        Assert.Equal(DateOnly.Parse(DaysAgo(11), System.Globalization.CultureInfo.InvariantCulture), document.HandledOnPaperOn);
        Assert.Equal("Giám đốc giao phòng Kết cấu hạ tầng chủ trì", document.PaperHandlingNote);
        Assert.True(document.RegisteredAt > document.ArrivalAt.AddDays(10));
    }

    [DbFact]
    public async Task A_cancelled_registration_keeps_its_number_and_reason_and_the_next_registration_does_not_reuse_it()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var cancelled = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v vào sổ nhầm"));
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/{cancelled.Id}/cancel", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/{cancelled.Id}/cancel", new { reason = "Vào sổ nhầm văn bản của cơ quan khác" })).StatusCode);

        var next = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v văn bản sau khi hủy"));
        var document = await app.LoadIncomingAsync(cancelled.Id);
        Assert.Equal(IncomingStatus.Cancelled, document.Status);
        Assert.Equal("Vào sổ nhầm văn bản của cơ quan khác", document.CancelReason);
        Assert.Equal(cancelled.ArrivalNumber, document.ArrivalNumber);
        Assert.Equal(cancelled.ArrivalNumber + 1, next.ArrivalNumber);
        var edit = RegistrationKit.Body(register, "V/v sửa văn bản đã hủy");
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PutAsJsonAsync($"/api/v1/documents/incoming/{cancelled.Id}", edit)).StatusCode);
    }

    [DbFact]
    public async Task A_document_without_a_file_is_warned_whatever_its_source_and_confirming_registers_it()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();

        foreach (var (source, says) in new[] { ("paper", "chưa có bản quét"), ("email", "thư điện tử chưa đính kèm tệp") })
        {
            var body = RegistrationKit.Body(register, $"V/v văn bản {source} chưa kèm tệp", ("source", source));
            var warned = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", body);
            Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
            var warning = Assert.Single((await warned.JsonAsync()).GetProperty("warnings").EnumerateArray());
            Assert.Equal("no-file", warning.GetProperty("kind").GetString());
            Assert.Contains(says, warning.GetProperty("message").GetString(), StringComparison.Ordinal);

            body["confirmWarnings"] = true;
            var confirmed = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", body);
            Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
            Assert.Empty((await app.LoadIncomingAsync((await confirmed.JsonAsync()).GetProperty("id").GetGuid())).Attachments);
        }

        // With its scan the same document goes in at once.
        var scanned = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v văn bản giấy đã quét"));
        Assert.Single((await app.LoadIncomingAsync(scanned.Id)).Attachments, a => a.IsMain);

        // An electronic arrival whose package carries no file is warned of too.
        var package = await clerk.PostAsJsonAsync("/api/v1/documents/incoming/pending", new
        {
            externalId = "edxml-" + Guid.NewGuid().ToString("N"), fileIds = Array.Empty<Guid>(),
            document = new { issuingOrganName = "Sở Tài chính tỉnh Ninh Bình", typeCode = "CV", subject = "V/v gói tin không kèm tệp", urgency = "normal" },
        });
        var pendingId = (await package.JsonAsync()).GetProperty("id").GetGuid();
        var electronic = await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pendingId}/register", new { registerId = register });
        Assert.Equal(HttpStatusCode.Conflict, electronic.StatusCode);
        Assert.Equal("no-file", (await electronic.JsonAsync()).GetProperty("warnings")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Created,
            (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pendingId}/register", new { registerId = register, confirmWarnings = true })).StatusCode);
    }

    [DbFact]
    public async Task The_clerk_replaces_the_scan_and_the_old_one_leaves_the_list_but_stays_readable_in_the_history()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var first = await clerk.UploadPdfAsync(name: "ban-quet-mo.pdf");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v bản quét bị mờ", ("fileIds", new[] { first })));
        var url = $"/api/v1/documents/incoming/{registered.Id}/attachments";

        var second = await clerk.UploadPdfAsync(name: "ban-quet-ro.pdf");
        var replaced = await clerk.PostAsJsonAsync(url, new { fileIds = new[] { second }, replaceMain = true });
        Assert.True(replaced.StatusCode == HttpStatusCode.NoContent, await replaced.Content.ReadAsStringAsync());
        var annex = await clerk.UploadPdfAsync(name: "phu-luc.pdf");
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync(url, new { fileIds = new[] { annex }, mainFileId = annex })).StatusCode);

        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal([(second, true), (annex, false)], document.Attachments.OrderBy(a => a.SortOrder).Select(a => (a.FileId, a.IsMain)));
        var entry = Assert.Single(document.Events, e => e.FileId == first);
        Assert.Contains("Thay văn bản chính", entry.Text, StringComparison.Ordinal);
        Assert.Contains(document.Events, e => e.FileId == annex && e.Text!.Contains("Đính kèm thêm tệp", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/files/{first}")).StatusCode);
        var details = await clerk.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/documents/incoming/{registered.Id}");
        Assert.Contains(details.GetProperty("timeline").EnumerateArray(),
            e => e.TryGetProperty("file", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Object && f.GetProperty("fileId").GetGuid() == first);
        Assert.NotEmpty(await app.WithDbAsync(db => db.Set<Eoffice.Web.Platform.Audit.AuditEntry>()
            .Where(a => a.Action == "documents.incoming.replace-main" && a.ObjectId == registered.Id.ToString()).ToListAsync()));

        // Someone who sees the document but does not keep its register may not; another agency's clerk does not see it.
        (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}/present", new { userId = await app.DemoUserIdAsync("lttha") }))
            .EnsureSuccessStatusCode();
        var chief = await app.SignedInDemoAsync("lttha");
        var hers = await chief.UploadPdfAsync(name: "ban-khac.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.PostAsJsonAsync(url, new { fileIds = new[] { hers }, replaceMain = true })).StatusCode);
        var foreign = await app.OtherAgencyClerkAsync();
        var theirs = await foreign.UploadPdfAsync(name: "ban-la.pdf");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync(url, new { fileIds = new[] { theirs }, replaceMain = true })).StatusCode);
        Assert.Equal(second, (await app.LoadIncomingAsync(registered.Id)).Attachments.Single(a => a.IsMain).FileId);
    }

    [DbFact]
    public async Task The_clerk_edits_a_registered_document_and_adds_a_file()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v trích yếu nhập sai",
            ("fileIds", Array.Empty<Guid>()), ("confirmWarnings", true)));
        var edit = RegistrationKit.Body(register, "V/v trích yếu đã sửa", ("urgency", "Hỏa tốc"));
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PutAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}", edit)).StatusCode);
        var file = await clerk.UploadPdfAsync();
        var attached = await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}/attachments", new { fileIds = new[] { file } });
        Assert.True(attached.StatusCode == HttpStatusCode.NoContent, await attached.Content.ReadAsStringAsync());

        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal("V/v trích yếu đã sửa", document.Metadata.Subject);
        Assert.Equal(Eoffice.Web.Modules.Documents.Contracts.Urgency.Flash, document.Metadata.Urgency);
        Assert.Single(document.Attachments, a => a.FileId == file && a.IsMain);
    }

    [DbFact]
    public async Task An_electronic_arrival_waits_in_the_list_and_the_clerk_registers_it_or_refuses_it_with_a_reason()
    {
        var gateway = await app.SignedInDemoAsync("dtmai");
        var externalId = "edxml-" + Guid.NewGuid().ToString("N");
        var file = await gateway.UploadPdfAsync(name: "qd-lien-thong.pdf");
        var package = new Dictionary<string, object?>
        {
            ["externalId"] = externalId, ["fileIds"] = new[] { file },
            ["document"] = new Dictionary<string, object?>
            {
                ["issuingOrganId"] = "000.00.00.G12", ["issuingOrganName"] = "Bộ Giao thông vận tải", ["typeCode"] = "QĐ", ["codeNumber"] = "1234",
                ["codeNotation"] = "QĐ-BGTVT", ["issuedDate"] = DaysAgo(2), ["subject"] = "V/v phê duyệt kế hoạch bảo trì quốc lộ 1",
                ["signerPosition"] = "Thứ trưởng", ["signerFullName"] = "Lê Anh Tuấn", ["urgency"] = "urgent", ["pageAmount"] = 3,
            },
        };
        var put = await gateway.PostAsJsonAsync("/api/v1/documents/incoming/pending", package);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var pendingId = (await put.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsJsonAsync("/api/v1/documents/incoming/pending", package)).StatusCode);

        var clerk = await app.SignedInDemoAsync("dtmai");
        var list = await clerk.GetFromJsonAsync<List<PendingResponse>>("/api/v1/documents/incoming/pending");
        Assert.Contains(list!, p => p.Id == pendingId && p.Files.Count == 1);
        // Its PDF carries no digital signature: the clerk is told so before registering (regulation 002 Điều 6.2.a).
        var flagged = await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pendingId}/register", new { registerId = await app.AgencyRegisterIdAsync() });
        var flaggedBody = await flagged.Content.ReadAsStringAsync();
        Assert.Contains("\"signature\"", flaggedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, flagged.StatusCode);
        Assert.Contains("Chữ ký số của tệp chính \"qd-lien-thong.pdf\"", System.Text.RegularExpressions.Regex.Unescape(flaggedBody), StringComparison.Ordinal);
        var registered = await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pendingId}/register",
            new { registerId = await app.AgencyRegisterIdAsync(), confirmWarnings = true });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var documentId = (await registered.JsonAsync()).GetProperty("id").GetGuid();
        var document = await app.LoadIncomingAsync(documentId);
        Assert.Equal(IncomingSource.Electronic, document.Source);
        Assert.Equal(externalId, document.ExternalId);
        Assert.Equal("Bộ Giao thông vận tải", document.Metadata.IssuingOrganName);
        Assert.Single(document.Attachments, a => a.FileId == file);
        var decided = await clerk.GetFromJsonAsync<PendingResponse>($"/api/v1/documents/incoming/pending/{pendingId}");
        Assert.Equal(("registered", documentId), (decided!.Status, decided.DocumentId));
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pendingId}/refuse", new { reason = "Muộn" })).StatusCode);

        package["externalId"] = externalId + "-mat";
        package["confidentiality"] = "mat";
        package["fileIds"] = Array.Empty<Guid>();
        var secretId = (await (await gateway.PostAsJsonAsync("/api/v1/documents/incoming/pending", package)).JsonAsync()).GetProperty("id").GetGuid();
        var secretRegister = await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{secretId}/register", new { registerId = await app.AgencyRegisterIdAsync() });
        Assert.Equal(HttpStatusCode.BadRequest, secretRegister.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{secretId}/refuse", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{secretId}/refuse", new { reason = "Văn bản mật, không xử lý trên hệ thống" })).StatusCode);
        var refused = await clerk.GetFromJsonAsync<PendingResponse>($"/api/v1/documents/incoming/pending/{secretId}");
        Assert.Equal(("refused", "Văn bản mật, không xử lý trên hệ thống"), (refused!.Status, refused.RefusalReason));
        Assert.DoesNotContain((await clerk.GetFromJsonAsync<List<PendingResponse>>("/api/v1/documents/incoming/pending"))!, p => p.Id == secretId || p.Id == pendingId);
    }

    [DbFact]
    public async Task Field_lengths_are_enforced_with_errors_by_field()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var response = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(await app.AgencyRegisterIdAsync(), new string('x', 501),
            ("codeNumber", "123456789012"), ("codeNotation", new string('Q', 31)), ("issuingOrganId", "ubnd-ninh-binh"), ("pageAmount", 0), ("signerFullName", new string('N', 51))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Số văn bản dài tối đa 11 ký tự.", errors.GetProperty("document.codeNumber")[0].GetString());
        foreach (var field in new[] { "document.subject", "document.codeNotation", "document.issuingOrganId", "document.pageAmount", "document.signerFullName" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [DbFact]
    public async Task A_clerk_of_another_agency_gets_404_for_the_demo_register_and_its_documents_and_a_specialist_gets_403()
    {
        var demoClerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var registered = await demoClerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v văn bản của Sở Giao thông vận tải"));
        var foreign = await app.OtherAgencyClerkAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "V/v thử sổ của cơ quan khác"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}", RegistrationKit.Body(register, "V/v sửa trộm"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/documents/incoming/{registered.Id}/cancel", new { reason = "Hủy trộm" })).StatusCode);
        Assert.DoesNotContain((await foreign.GetFromJsonAsync<List<RegisterResponse>>("/api/v1/documents/registers?mine=true"))!, r => r.Id == register);
        Assert.DoesNotContain((await foreign.GetFromJsonAsync<List<OrganResponse>>("/api/v1/documents/incoming/organs?q=ninh"))!, o => o.Name == "Ủy ban nhân dân tỉnh Ninh Bình");

        var specialist = await app.SignedInDemoAsync("cxtruong");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "V/v chuyên viên tự vào sổ"))).StatusCode);
        var boardClerk = await app.SignedInDemoAsync("ktloan");
        Assert.Equal(HttpStatusCode.NotFound, (await boardClerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(register, "V/v văn thư ban vào sổ cơ quan"))).StatusCode);
    }

    [DbFact]
    public async Task A_subject_typed_in_decomposed_unicode_is_stored_composed_and_a_new_organ_is_remembered_in_the_directory()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var subject = "V/v kiểm tra công trình cầu Bến Đang";
        var organ = "Ban Quản lý dự án đầu tư xây dựng " + Guid.NewGuid().ToString("N")[..5];
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), subject.Normalize(NormalizationForm.FormD),
            ("issuingOrganName", organ.Normalize(NormalizationForm.FormD)), ("issuingOrganId", null)));

        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal(subject.Normalize(NormalizationForm.FormC), document.Metadata.Subject);
        Assert.True(document.Metadata.Subject.IsNormalized(NormalizationForm.FormC));
        var found = await clerk.GetFromJsonAsync<List<OrganResponse>>("/api/v1/documents/incoming/organs?q=" + Uri.EscapeDataString("ban quan ly du an " + organ[^5..]));
        Assert.Contains(found!, o => o.Name == organ);
        var known = await clerk.GetFromJsonAsync<List<OrganResponse>>("/api/v1/documents/incoming/organs?q=G12");
        Assert.Contains(known!, o => o.Name == "Bộ Giao thông vận tải" && o.Code == "000.00.00.G12");
        var types = await clerk.GetFromJsonAsync<List<DocumentTypeResponse>>("/api/v1/documents/incoming/types");
        Assert.Contains(types!, t => t.Code == "QĐ" && t.Name == "Quyết định");
    }
}

public sealed class IncomingRegistrationTestsOnSqlite(SqliteApp app) : IncomingRegistrationTests<SqliteApp>(app);

public sealed class IncomingRegistrationTestsOnPostgres(PostgresApp app) : IncomingRegistrationTests<PostgresApp>(app), IPostgresSuite;
