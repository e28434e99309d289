using System.Net;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Identity.Rights;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Dossiers.Archive;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Dossiers;

/// <summary>
/// The transfer-due alert (ADR 0031 §17): 31 days before a dossier's last day nobody is told; 30 days before the records
/// keeper is notified once, a second run does not notify again, and the notification's link opens "Đến hạn nộp lưu".
/// </summary>
public abstract class TransferDueAlertTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, IClockedApp
{
    [DbFact]
    public async Task The_keeper_is_told_once_thirty_days_before_the_last_day_and_the_link_opens_the_due_list()
    {
        // The work ended on Thursday 11 June 2025: the last day is Thursday 11 June 2026, a working day.
        var end = new DateOnly(2025, 6, 11);
        var dueAt = new DateTimeOffset(2026, 6, 11, 2, 0, 0, TimeSpan.Zero);
        app.Clock.Set(dueAt.AddDays(-40));
        var agency = await app.CreateAgencyAsync("Sở Khoa học và Công nghệ");
        var (keeperId, keeperName) = await app.AddPersonAsync(agency.Id, "Lưu trữ Sở", agency.OfficeId, (DefaultRoles.Clerk, null));
        var (ownerId, _) = await app.AddPersonAsync(agency.Id, "Chuyên viên Sở", agency.DepartmentId, (DefaultRoles.Specialist, agency.DepartmentId));
        var notation = "KH." + Guid.NewGuid().ToString("N")[..6];
        var dossierId = await ArchiveTransferTests<TApp>.ClosedDossierAsync(app, agency.Id, agency.DepartmentId, ownerId, notation, 10, end);

        Task<List<Notification>> Alerts() => app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == keeperId && n.Category == TransferDueAlerts.Category && n.AboutId == dossierId).ToListAsync());

        async Task RunOn(DateTimeOffset at)
        {
            app.Clock.Set(at);
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == TransferDueAlerts.JobName).RunAsync(CancellationToken.None);
        }

        await RunOn(dueAt.AddDays(-31));
        Assert.Empty(await Alerts());

        await RunOn(dueAt.AddDays(-30));
        var alert = Assert.Single(await Alerts());
        Assert.Contains($"Hồ sơ {notation}", alert.Body, StringComparison.Ordinal);
        Assert.Contains("chậm nhất ngày 11/06/2026", alert.Body, StringComparison.Ordinal);

        await RunOn(dueAt.AddDays(-30).AddHours(6));
        await RunOn(dueAt.AddDays(-29));
        Assert.Single(await Alerts());

        var keeper = await app.SignedInAsAsync(keeperName);
        var opened = await keeper.GetAsync(alert.Link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Contains($"data-dossier=\"{dossierId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Sắp đến hạn (còn 29 ngày)", html, StringComparison.Ordinal);
    }
}

/// <summary>The clocked app with the alert job left to the test (the background runner does not run it).</summary>
public sealed class TransferAlertsSqliteApp : ClockedSqliteApp, IClockedApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jobs:DisabledJobs:0"] = TransferDueAlerts.JobName };
}

public sealed class TransferAlertsPostgresApp : ClockedPostgresApp, IClockedApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jobs:DisabledJobs:0"] = TransferDueAlerts.JobName };
}

public sealed class TransferDueAlertTestsOnSqlite(TransferAlertsSqliteApp app) : TransferDueAlertTests<TransferAlertsSqliteApp>(app);

public sealed class TransferDueAlertTestsOnPostgres(TransferAlertsPostgresApp app) : TransferDueAlertTests<TransferAlertsPostgresApp>(app), IPostgresSuite;
