using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Documents.OutgoingLayout;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>
/// Intents of the outgoing-document tests: draft through the API as a demo specialist, act on a draft, read it back.
/// Demo people: cxtruong (chuyên viên, Phòng Quản lý kết cấu hạ tầng giao thông), pvhung (its head), vdthang (Trưởng
/// phòng Pháp chế), lttha (Chánh Văn phòng), nvan (Giám đốc), ttbhanh (Phó Giám đốc), dtmai (văn thư, keeps "Sổ văn bản
/// đi"), dddat (Trưởng phòng Kế hoạch - Tài chính), hvson (chuyên viên, Phòng Quản lý vận tải).
/// </summary>
internal static class OutgoingKit
{
    public static string Api(Guid id, string action = "") => $"/api/v1/documents/outgoing/{id}{(action.Length == 0 ? "" : "/" + action)}";

    /// <summary>A draft as a specialist of the infrastructure department would write it: a công văn signed KT. by a deputy director.</summary>
    public static object Draft(string subject, Guid signerId, IEnumerable<object>? recipients = null, Guid? mainFileId = null, string typeCode = DocumentTypes.OfficialLetterCode,
        string authority = "kt", string position = "Phó Giám đốc", string? lines = null) => new
    {
        document = new { typeCode, subject, urgency = "normal", signerPosition = position, pageAmount = 2 },
        signingAuthority = authority,
        signerId,
        confidentiality = "none",
        copies = 3,
        recipientLines = lines ?? "Như trên;\nLưu: VT, KCHT.",
        addressees = typeCode == DocumentTypes.OfficialLetterCode ? "Ủy ban nhân dân tỉnh Ninh Bình" : null,
        recipients = recipients ?? [],
        mainFileId,
    };

    public static async Task<Guid> CreateDraftAsync(this HttpClient drafter, object draft, IEnumerable<Guid>? replyTo = null)
    {
        var created = await drafter.PostAsJsonAsync("/api/v1/documents/outgoing", new { draft, replyTo = replyTo ?? [] }).OkJsonAsync();
        return created.GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> ActOutAsync(this HttpClient client, Guid id, string action, object body) =>
        client.PostAsJsonAsync(Api(id, action), body).OkJsonAsync();

    public static async Task<(HttpStatusCode Status, string Body)> TryOutAsync(this HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync(Api(id, action), body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<JsonElement> OutgoingAsync(this HttpClient client, Guid id) => client.GetAsync(Api(id)).OkJsonAsync();

    public static async Task<JsonElement> ListOutAsync(this HttpClient client, string box) =>
        await client.GetAsync($"/api/v1/documents/outgoing?box={box}&pageSize=100").OkJsonAsync();

    public static async Task<bool> ListsAsync(this HttpClient client, string box, Guid id) =>
        (await client.ListOutAsync(box)).GetProperty("items").EnumerateArray().Any(i => i.GetProperty("documentId").GetGuid() == id);

    public static Task<OutgoingDocument> LoadOutgoingAsync(this EofficeApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<OutgoingDocument>().Include(d => d.Assignments).Include(d => d.Versions).Include(d => d.Recipients).Include(d => d.Events)
            .AsSplitQuery().SingleAsync(d => d.Id == id));

    /// <summary>A .docx body and a scanned signed copy, uploaded by the person.</summary>
    public static Task<Guid> UploadBodyAsync(this HttpClient client, string text = "Nội dung công văn.") =>
        client.UploadAsync(LayoutKit.Docx(text), "du-thao.docx");

    public static Task<Guid> UploadScanAsync(this HttpClient client) =>
        client.UploadAsync(Platform.Storage.FileStoreClient.Pdf(3_000), "ban-ky.pdf", "application/pdf");
}

/// <summary>Drafts carried to the clerk quickly: the specialist submits to the department head, who skips legal review to the deputy director, who signs on paper.</summary>
internal sealed class SignedDrafts(EofficeApp app)
{
    private HttpClient? drafter;
    private HttpClient? head;
    private HttpClient? deputy;
    private Guid headId;
    private Guid deputyId;
    private Guid scan;

    public async Task<Guid> SignedAsync(string subject, object? draft = null)
    {
        if (drafter is null)
        {
            drafter = await app.SignedInDemoAsync("cxtruong");
            head = await app.SignedInDemoAsync("pvhung");
            deputy = await app.SignedInDemoAsync("ttbhanh");
            headId = await app.DemoUserIdAsync("pvhung");
            deputyId = await app.DemoUserIdAsync("ttbhanh");
            scan = await deputy.UploadScanAsync();
        }

        var id = await drafter.CreateDraftAsync(draft ?? OutgoingKit.Draft(subject, deputyId));
        await drafter.ActOutAsync(id, "submit", new { recipientId = headId });
        await head!.ActOutAsync(id, "approve", new { recipientId = deputyId, toStep = 4 });
        await deputy!.ActOutAsync(id, "sign-on-paper", new { signedFileId = scan });
        return id;
    }

    public Task<Guid> DeputyIdAsync() => app.DemoUserIdAsync("ttbhanh");
}
