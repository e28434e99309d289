using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// Nhắc hạn nộp lưu (Phụ lục VI III.5.b; REQUIREMENTS §6.6.c): every few hours, a closed dossier to be transferred whose
/// last day (<see cref="ListDueForTransfer"/>) is 30 days away or nearer is announced once to the agency's records keepers
/// (the Văn thư role holders with <see cref="DossiersPermissions.ManageArchive"/> agency-wide); the day is marked on the
/// dossier, so a run is safe to repeat and a dossier is announced once (again only after a keep-back).
/// </summary>
public sealed class TransferDueAlerts(EofficeDbContext db, INotifier notifier, IAccessScopes scopes, WorkingDayCalendar calendar, ILogger<TransferDueAlerts> logger)
    : IRecurringJob
{
    public const string JobName = "dossiers.transfer-due-alerts";
    public const string Category = "dossiers-transfer";

    /// <summary>The page "Đến hạn nộp lưu" (<c>Pages/Dossiers/DueForTransfer</c>), which the alert opens.</summary>
    public const string Link = "/ho-so/nop-luu";
    private const int BatchSize = 500;

    public string Name => JobName;

    public string DisplayName => "Nhắc hạn nộp lưu hồ sơ";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var keepers = new Dictionary<Guid, IReadOnlyList<Guid>>();
        var sent = 0;
        var skipped = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.Set<Dossier>()
                .Where(d => d.Status == DossierStatus.Closed && d.TransferAlertedOn == null && d.EndDate != null
                    && (d.RetentionYears == null || d.RetentionYears >= ArchiveRules.MinYearsToTransfer))
                .OrderBy(d => d.Id).Skip(skipped).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            // Announced rows leave the query; the ones not yet due stay first in id order.
            foreach (var dossier in batch)
            {
                var due = dossier.KeepBackUntil ?? dossier.TransferDueBase!.Value;
                due = dossier.KeepBackUntil is null && !calendar.IsWorkingDay(due) ? calendar.NextWorkingDay(due) : due;
                if (due.DayNumber - today.DayNumber > ArchiveRules.AlertDaysBefore)
                {
                    skipped++;
                    continue;
                }

                dossier.MarkTransferAlerted(today);
                var body = $"Hồ sơ {dossier.Notation} \"{dossier.Title}\" phải nộp lưu vào lưu trữ cơ quan chậm nhất ngày {VietnamTime.FormatDate(due)}.";
                foreach (var keeper in await KeepersAsync(dossier.AgencyId, keepers, cancellationToken))
                {
                    await notifier.NotifyAsync(keeper, "Hồ sơ sắp đến hạn nộp lưu", body, Link, Category, dossier.Id, cancellationToken);
                    sent++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} transfer-due alert(s).", sent);
        }
    }

    private async Task<IReadOnlyList<Guid>> KeepersAsync(Guid agencyId, Dictionary<Guid, IReadOnlyList<Guid>> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(agencyId, out var list))
        {
            var found = new List<Guid>();
            foreach (var grant in (await scopes.HoldersOfRoleAsync(agencyId, DefaultRoles.Clerk, cancellationToken)).DistinctBy(g => g.UserId))
            {
                if (await scopes.HasPermissionAsync(grant.UserId, DossiersPermissions.ManageArchive, null, cancellationToken))
                {
                    found.Add(grant.UserId);
                }
            }

            list = found;
            cache[agencyId] = list;
        }

        return list;
    }
}
