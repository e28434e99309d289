using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents;

/// <summary>The foundation every incoming-document slice stands on: the demo registers, numbering, the access list.</summary>
public abstract class IncomingFoundationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_registered_document_takes_the_next_number_of_the_year_and_only_its_clerk_and_the_agency_leaders_can_see_it()
    {
        var first = await app.RegisterDirectAsync("V/v kiểm tra số đến thứ nhất");
        var second = await app.RegisterDirectAsync("V/v kiểm tra số đến thứ hai");
        var a = await app.LoadIncomingAsync(first);
        var b = await app.LoadIncomingAsync(second);
        Assert.Equal(a.Year, b.Year);
        Assert.Equal(a.ArrivalNumber + 1, b.ArrivalNumber);
        Assert.Equal(IncomingStatus.Registered, b.Status);
        Assert.Single(b.Events, e => e.Kind == IncomingEventKinds.Registered);

        var clerk = await app.DemoUserIdAsync("dtmai");
        Assert.Contains(b.Access, x => x.PrincipalId == clerk && x.Reason == AccessReason.Participant);

        var rows = await app.WithServiceAsync<IncomingRegisterQuery, List<IncomingRegisterRow>>(async q =>
        {
            var list = new List<IncomingRegisterRow>();
            await foreach (var row in q.RowsAsync(b.RegisterId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1))))
            {
                list.Add(row);
            }

            return list;
        });
        Assert.Contains(rows, r => r.Id == second && r.ArrivalNumber == b.ArrivalNumber);
    }

    [DbFact]
    public async Task Loading_a_document_with_two_collections_in_one_joined_query_is_refused_so_every_such_load_says_how()
    {
        var id = await app.RegisterDirectAsync("V/v kiểm tra cách nạp văn bản");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db =>
            db.Set<IncomingDocument>().Include(d => d.Assignments).Include(d => d.Events).SingleAsync(d => d.Id == id)));
        Assert.Contains("MultipleCollectionIncludeWarning", error.Message);

        var loaded = await app.WithDbAsync(db =>
            db.Set<IncomingDocument>().Include(d => d.Assignments).Include(d => d.Events).AsSplitQuery().SingleAsync(d => d.Id == id));
        Assert.NotEmpty(loaded.Events);
    }
}

public sealed class IncomingFoundationTestsOnSqlite(SqliteApp app) : IncomingFoundationTests<SqliteApp>(app);

public sealed class IncomingFoundationTestsOnPostgres(PostgresApp app) : IncomingFoundationTests<PostgresApp>(app), IPostgresSuite;
