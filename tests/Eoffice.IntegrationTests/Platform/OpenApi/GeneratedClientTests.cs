using System.Collections;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Time;
using static Eoffice.IntegrationTests.Platform.OpenApi.GeneratedClient;

namespace Eoffice.IntegrationTests.Platform.OpenApi;

/// <summary>
/// An integrator's view: a C# client generated with NSwag from /openapi/v1.json drives the clerk → chief of office →
/// director route over cookie sessions. Request bodies are the generated classes, filled by JSON name; results are
/// read from the generated response classes.
/// </summary>
public abstract class GeneratedClientTests(EofficeApp app)
{
    private static Dictionary<string, object?> Json(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private async Task<object> SignedInAsync(GeneratedClient generated, string userName)
    {
        var http = app.AnonymousClient();
        var client = generated.For(http); // cookies handled: the session of this client
        var me = await CallAsync(client, "SignIn", Json(("body", Json(("userName", userName), ("password", IncomingTestKit.DemoPassword)))));
        Assert.Equal(userName, Read(me, "userName"));
        await http.WithAntiforgeryTokenAsync(); // a cookie session's writes carry the token (ADR 0017)
        return client;
    }

    /// <summary>The id of the person named <paramref name="fullName"/> among the recipients a sender may choose.</summary>
    private static Guid Recipient(object? recipients, string fullName) =>
        (Guid)Read(Items(recipients, "groups").SelectMany(g => Items(g, "options")).First(o => (string?)Read(o, "name") == fullName), "id")!;

    private static IEnumerable<object> Tree(IEnumerable<object> nodes) =>
        nodes.SelectMany(n => Tree(Items(n, "children")).Prepend(n));

    [DbFact]
    public async Task A_client_generated_from_the_document_registers_an_uploaded_scan_presents_and_forwards_it()
    {
        var document = await (await app.SignedInClientAsync()).GetStringAsync("/openapi/v1.json");
        var generated = await GenerateAsync(document);

        // The clerk uploads the scan (antiforgery header from the token endpoint, as a cookie session must) …
        var clerk = await SignedInAsync(generated, "dtmai");
        var token = await CallAsync(clerk, "GetAntiforgeryToken", Json());
        var scan = Activator.CreateInstance(generated.Type("FileParameter"), new MemoryStream(FileStoreClient.Pdf(20_000)), "cong-van-den.pdf", "application/pdf");
        var uploaded = await CallAsync(clerk, "UploadFiles", Json(("X-CSRF-TOKEN", Read(token, "token")), ("files", new[] { scan })));
        var fileId = (Guid)Read(Assert.Single(Items(uploaded, "files")), "id")!;

        // … and registers it in the agency's register with the next arrival number.
        var registers = (IEnumerable)(await CallAsync(clerk, "ListIncomingRegisters", Json(("mine", true))))!;
        var registerId = (Guid)Read(registers.Cast<object>().Single(r => (string?)Read(r, "name") == SeedDemoIncoming.AgencyRegisterName), "id")!;
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var registered = await CallAsync(clerk, "RegisterIncoming", Json(("body", Json(
            ("registerId", registerId),
            ("source", "paper"),
            ("typeCode", DocumentTypes.OfficialLetterCode),
            ("codeNumber", Random.Shared.Next(1, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("codeNotation", "UBND-GT"),
            ("issuedDate", today.AddDays(-2)),
            ("issuingOrganName", "Ủy ban nhân dân tỉnh Ninh Bình"),
            ("subject", "V/v kiểm tra an toàn giao thông dịp cuối năm"),
            ("pageAmount", 2),
            ("urgency", "urgent"),
            ("fileIds", new[] { fileId }),
            ("mainFileId", fileId),
            ("confirmWarnings", true)))));
        var documentId = (Guid)Read(registered, "id")!;
        var arrivalNumber = (int)Read(registered, "arrivalNumber")!;
        Assert.True(arrivalNumber > 0);
        Assert.Equal(today.Year, (int)Read(registered, "year")!);

        // The clerk presents it to the chief of office, who forwards it to the director.
        var chiefOfOffice = Recipient(await CallAsync(clerk, "ListIncomingRecipients", Json(("id", documentId), ("mode", "present"))), "Lê Thị Thu Hà");
        var presented = await CallAsync(clerk, "PresentIncoming", Json(("id", documentId), ("body", Json(("userId", chiefOfOffice), ("note", "Kính trình Chánh Văn phòng.")))));
        Assert.Equal("inProgress", Read(presented, "status"));

        var chief = await SignedInAsync(generated, "lttha");
        var director = Recipient(await CallAsync(chief, "ListIncomingRecipients", Json(("id", documentId))), "Nguyễn Văn An");
        var forwarded = await CallAsync(chief, "ForwardIncoming", Json(("id", documentId), ("body", Json(
            ("instruction", "Kính trình Giám đốc xem xét, chỉ đạo."),
            ("targets", new[] { Json(("userId", director), ("role", "direct"), ("deadlineWorkingDays", 5)) })))));
        var assignmentId = (Guid)Assert.Single(Items(forwarded, "assignmentIds"));

        // Read back through the client: the number allocated, the director's new assignment under the chief's.
        var detail = await CallAsync(chief, "GetIncomingDocument", Json(("id", documentId)));
        Assert.Equal(arrivalNumber, (int)Read(detail, "arrivalNumber")!);
        var nodes = Tree(Items(detail, "tree")).ToList();
        var directorsPart = nodes.Single(n => (Guid)Read(n, "id")! == assignmentId);
        Assert.Equal("Nguyễn Văn An", Read(directorsPart, "recipientName"));
        Assert.Equal("open", Read(directorsPart, "status"));
        var chiefsPart = nodes.Single(n => (Guid?)Read(n, "recipientUserId") == chiefOfOffice);
        Assert.Equal(Read(chiefsPart, "id"), Read(directorsPart, "parentId"));
        Assert.Equal("forwarded", Read(chiefsPart, "status"));

        var stored = await app.LoadIncomingAsync(documentId);
        Assert.Equal(AssignmentStatus.Open, stored.Assignments.Single(a => a.Id == assignmentId).Status);
        Assert.Equal(fileId, Assert.Single(stored.Attachments).FileId);
    }
}

public sealed class GeneratedClientTestsOnSqlite(SqliteApp app) : GeneratedClientTests(app), IClassFixture<SqliteApp>;

public sealed class GeneratedClientTestsOnPostgres(PostgresApp app) : GeneratedClientTests(app), IClassFixture<PostgresApp>;
