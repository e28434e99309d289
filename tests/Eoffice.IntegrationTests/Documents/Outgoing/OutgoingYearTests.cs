using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>Outgoing numbers restart at 1 each calendar year (Decree 30 Art. 15), in Vietnam time, and the date line carries the issue date.</summary>
public abstract class OutgoingYearTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private readonly ManualClock clock = app.Services.GetService(typeof(TimeProvider)) as ManualClock ?? throw new InvalidOperationException("A clocked app is needed.");

    [DbFact]
    public async Task The_first_document_issued_in_a_new_year_is_number_one_and_dated_that_day()
    {
        var vietnam = TimeSpan.FromHours(7);

        // Sessions expire when the clock jumps, so everyone signs in after each jump.
        clock.Set(new DateTimeOffset(2026, 12, 31, 16, 0, 0, vietnam));
        var drafts = new SignedDrafts(app);
        var clerk = await app.SignedInDemoAsync("dtmai");
        var last = await clerk.ActOutAsync(await drafts.SignedAsync("Báo cáo tổng kết năm " + Guid.NewGuid().ToString("N")[..6]), "issue", new { });
        var lastOfYear = await clerk.ActOutAsync(await drafts.SignedAsync("Báo cáo bổ sung cuối năm " + Guid.NewGuid().ToString("N")[..6]), "issue", new { });

        // 00:30 on 1 January in Vietnam is still 31 December in UTC: the year is Vietnam's.
        clock.Set(new DateTimeOffset(2027, 1, 1, 0, 30, 0, vietnam));
        drafts = new SignedDrafts(app);
        clerk = await app.SignedInDemoAsync("dtmai");
        var id = await drafts.SignedAsync("Kế hoạch công tác năm mới " + Guid.NewGuid().ToString("N")[..6]);
        var first = await clerk.ActOutAsync(id, "issue", new { });

        Assert.Equal(int.Parse(last.GetProperty("codeText").GetString()!.Split('/')[0]) + 1, int.Parse(lastOfYear.GetProperty("codeText").GetString()!.Split('/')[0]));
        Assert.StartsWith("01/", first.GetProperty("codeText").GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-01-01", first.GetProperty("issuedDate").GetString());
        var d = await app.WithDbAsync(db => db.Set<OutgoingDocument>().SingleAsync(x => x.Id == id));
        Assert.Equal((2027, 1), (d.Year, d.Number));
    }
}

public sealed class OutgoingYearTestsOnSqlite(ClockedSqliteApp app) : OutgoingYearTests<ClockedSqliteApp>(app);

public sealed class OutgoingYearTestsOnPostgres(ClockedPostgresApp app) : OutgoingYearTests<ClockedPostgresApp>(app), IPostgresSuite;
