using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Demo;

/// <summary>
/// A newcomer to the demo finds the product working: on the first start the demo agency has sample incoming documents
/// in each state of the regulation 000 flow, so every role's inbox has something in it, and the register's numbers go
/// on from them.
/// </summary>
public abstract class DemoSampleDocumentsTests(EofficeApp app)
{
    [DbFact]
    public async Task Every_role_of_the_demo_agency_finds_work_waiting_on_the_first_start()
    {
        var clerk = await CountsAsync("dtmai");
        Assert.True(clerk.GetProperty("awaitingPresentation").GetInt32() >= 1, "the clerk has a document to present");
        Assert.True((await CountsAsync("lttha")).GetProperty("pending").GetInt32() >= 2, "the chief of office screens one and has one returned");
        Assert.True((await CountsAsync("nvan")).GetProperty("pending").GetInt32() >= 1, "the director has one to direct");
        Assert.True((await CountsAsync("pvhung")).GetProperty("pending").GetInt32() >= 1, "the department head has one to assign");
        Assert.True((await CountsAsync("vdthang")).GetProperty("pending").GetInt32() >= 1, "the legal department is asked for comments");
        Assert.True((await CountsAsync("cxtruong")).GetProperty("overdue").GetInt32() >= 1, "the specialist has one past its deadline");
        Assert.True((await CountsAsync("ktloan")).GetProperty("pending").GetInt32() >= 1, "the project board's clerk has one to receive");

        var states = await app.WithDbAsync(async db => (await db.Set<IncomingDocument>().AsNoTracking().Include(d => d.Assignments).ToListAsync())
            .Select(d => d.Status).ToList());
        Assert.Contains(IncomingStatus.Registered, states);
        Assert.Contains(IncomingStatus.InProgress, states);
        Assert.Contains(IncomingStatus.Finished, states);
        var assignments = await app.WithDbAsync(db => db.Set<IncomingAssignment>().AsNoTracking().ToListAsync());
        Assert.Contains(assignments, a => a.Status == AssignmentStatus.AwaitingReceipt);
        Assert.Contains(assignments, a => a.Status == AssignmentStatus.Returned);
        Assert.Contains(assignments, a => a.Awaiting == AssignmentAwaiting.ResultConfirmation);
    }

    [DbFact]
    public async Task The_next_registration_continues_the_sample_documents_numbers()
    {
        var numbers = await app.WithDbAsync(db => db.Set<IncomingDocument>().AsNoTracking().Select(d => d.ArrivalNumber).ToListAsync());
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers.Order());

        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v văn bản sau các văn bản mẫu"));
        Assert.Equal(numbers.Count + 1, registered.ArrivalNumber);
    }

    private async Task<JsonElement> CountsAsync(string userName)
    {
        var client = await app.SignedInDemoAsync(userName);
        var response = await client.GetAsync("/api/v1/documents/incoming/counts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>The demo with its sample documents, as <c>dotnet run</c> starts it.</summary>
public sealed class SqliteDemoApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Eoffice:DemoSampleDocuments"] = "true" };
}

public sealed class PostgresDemoApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Eoffice:DemoSampleDocuments"] = "true" };
}

public sealed class DemoSampleDocumentsTestsOnSqlite(SqliteDemoApp app) : DemoSampleDocumentsTests(app), IClassFixture<SqliteDemoApp>;

public sealed class DemoSampleDocumentsTestsOnPostgres(PostgresDemoApp app) : DemoSampleDocumentsTests(app), IClassFixture<PostgresDemoApp>;
