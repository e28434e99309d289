using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents.Registration;

/// <summary>Intents of the registration tests: a registration body, uploads, another agency's clerk.</summary>
internal static class RegistrationKit
{
    public sealed record Registered(Guid Id, int Year, int ArrivalNumber);

    private static int counter = Random.Shared.Next(100, 900);

    private static int codeNumber = Random.Shared.Next(1_000_000, 9_000_000);

    /// <summary>The fields of the nested <c>document</c> object (the document's metadata).</summary>
    private static readonly HashSet<string> MetadataFields =
    [
        "typeCode", "codeNumber", "codeNotation", "issuedDate", "issuingOrganId", "issuingOrganName", "subject", "language", "pageAmount",
        "description", "signerPosition", "signerFullName", "urgency", "dueDate", "requestsComments", "paperAppendixNote", "paperAppendixHolder",
    ];

    /// <summary>
    /// A complete, valid registration body (<c>{ registerId, source, …, document: { … } }</c>); <paramref name="changes"/>
    /// overrides or adds fields, a metadata field inside <c>document</c>.
    /// </summary>
    public static Dictionary<string, object?> Body(Guid registerId, string subject, params (string Field, object? Value)[] changes)
    {
        var document = Document(subject);
        var body = new Dictionary<string, object?>
        {
            ["registerId"] = registerId,
            ["source"] = "paper",
            ["confidentiality"] = "none",
            ["document"] = document,
        };
        foreach (var (field, value) in changes)
        {
            (MetadataFields.Contains(field) ? document : body)[field] = value;
        }

        return body;
    }

    /// <summary>A complete, valid <c>document</c> object.</summary>
    public static Dictionary<string, object?> Document(string subject) => new()
    {
        ["typeCode"] = "CV",
        ["codeNumber"] = Interlocked.Increment(ref codeNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["codeNotation"] = "UBND-KT",
        ["issuedDate"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["issuingOrganName"] = "Ủy ban nhân dân tỉnh Ninh Bình",
        ["issuingOrganId"] = "000.00.00.H43",
        ["subject"] = subject,
        ["pageAmount"] = 2,
        ["signerPosition"] = "Chủ tịch",
        ["signerFullName"] = "Phạm Quang Ngọc",
        ["urgency"] = "normal",
    };

    /// <summary>
    /// Registers <paramref name="body"/>, expecting 201. A body that names no files is sent with a scan uploaded first, as
    /// the clerk attaches it (a document without a file is warned of, <c>no-file</c>); give <c>fileIds</c> to choose.
    /// </summary>
    public static async Task<Registered> RegisterOkAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        if (!body.ContainsKey("fileIds"))
        {
            body = new Dictionary<string, object?>(body) { ["fileIds"] = new[] { await client.UploadPdfAsync(name: "ban-quet.pdf") } };
        }

        var response = await client.PostAsJsonAsync("/api/v1/documents/incoming", body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Registered>())!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Uploads one PDF through /api/v1/files and returns its id.</summary>
    public static async Task<Guid> UploadPdfAsync(this HttpClient client, byte[]? content = null, string name = "van-ban.pdf")
    {
        var response = await FileStoreClient.UploadAsync(client, (content ?? FileStoreClient.Pdf(5_000), name, "application/pdf"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files.Single().Id;
    }

    /// <summary>A clerk of a second agency, with a register of their own; returns a signed-in client.</summary>
    public static async Task<HttpClient> OtherAgencyClerkAsync(this EofficeApp app)
    {
        var other = await Organization.OrganizationTestKit.CreateOtherAgencyAsync(app);
        string userName;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
            userName = "vtstc" + Interlocked.Increment(ref counter);
            var clerk = new User(userName, "Đinh Thị Văn Thư", DateTime.UtcNow, other.AgencyId);
            clerk.PlaceIn(other.AgencyId, other.UnitId, other.PositionId);
            clerk.SetPasswordHash(hasher.HashPassword(clerk, TestAccounts.Password));
            clerk.GrantRole(DefaultRoles.Clerk);
            db.Add(clerk);
            await db.SaveChangesAsync();
        }

        return await app.SignedInAsAsync(userName);
    }
}
