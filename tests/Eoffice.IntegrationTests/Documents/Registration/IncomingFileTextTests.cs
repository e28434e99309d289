using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.TextExtraction;
using Eoffice.Web.Platform.TextExtraction;

namespace Eoffice.IntegrationTests.Documents.Registration;

/// <summary>The first consumer of text extraction: registering an incoming document asks for the text of its files, and the details page shows where it stands.</summary>
public abstract class IncomingFileTextTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task Registering_an_incoming_document_requests_the_text_of_its_file_and_the_details_page_shows_it_extracted()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();
        var scan = await clerk.UploadPdfAsync(TextSamples.TextPdf(TextSamples.Letter), "cong-van-den.pdf");

        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "Về việc triển khai kế hoạch chuyển đổi số") is var body
            ? new Dictionary<string, object?>(body) { ["fileIds"] = new[] { scan } }
            : null!);
        var view = await FileTextKit.FinishedAsync(app, scan);

        Assert.Equal((FileTextState.Ready, "pdf-text"), (view.State, view.Method));
        Assert.Contains("125/UBND-VP", await FileTextKit.TextAsync(app, scan), StringComparison.Ordinal);
        var page = await clerk.GetStringAsync($"/van-ban-den/{registered.Id}");
        Assert.Contains("· Đã trích xuất văn bản", page, StringComparison.Ordinal);
    }
}

public sealed class IncomingFileTextTestsOnSqlite(SqliteApp app) : IncomingFileTextTests<SqliteApp>(app);

public sealed class IncomingFileTextTestsOnPostgres(PostgresApp app) : IncomingFileTextTests<PostgresApp>(app), IPostgresSuite;
