using System.Globalization;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Nhắc hạn (regulation 000 Điều 6, 004 Điều 7): every hour, for assignments still being handled, tells their holder —
/// the person, or for a unit the unit's leaders — once when the deadline is the agency's <c>ReminderDaysBefore</c>
/// working days away or nearer, and once when it has passed. Each reminder is marked on the assignment so it is never
/// sent twice; a run is safe to repeat.
/// </summary>
public sealed class IncomingDeadlineReminders(
    EofficeDbContext db,
    INotifier notifier,
    IAccessScopes scopes,
    WorkingDayCalendar calendar,
    ILogger<IncomingDeadlineReminders> logger) : IRecurringJob
{
    public const string JobName = "documents.incoming.deadline-reminders";
    public const string Category = "documents.incoming.deadline";
    private const int BatchSize = 500;

    public string Name => JobName;

    public string DisplayName => "Nhắc hạn xử lý văn bản đến";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var reminderDays = await db.Set<IncomingSettings>().AsNoTracking().ToDictionaryAsync(s => s.AgencyId, s => s.ReminderDaysBefore, cancellationToken);
        var maxDays = Math.Max(IncomingSettings.DefaultReminderDays, reminderDays.Count == 0 ? 0 : reminderDays.Values.Max());
        var horizon = calendar.AddWorkingDays(today, maxDays);
        var leaders = new Dictionary<(Guid Agency, Guid Unit), IReadOnlyList<Guid>>();
        var sent = 0;
        var skipped = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var query = db.Set<IncomingAssignment>()
                .Where(a => (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.Forwarded) && a.DueDate != null
                    && ((a.OverdueRemindedOn == null && a.DueDate < today) || (a.DueSoonRemindedOn == null && a.DueDate >= today && a.DueDate <= horizon)));
            // Reminded rows leave the query; the ones passed over (not yet due for their agency) stay first in id order.
            var batch = await query.OrderBy(a => a.Id).Skip(skipped).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var documentIds = batch.Select(a => a.OwnerId).Distinct().ToList();
            var documents = await db.Set<IncomingDocument>().AsNoTracking().Where(d => documentIds.Contains(d.Id))
                .Select(d => new { d.Id, d.ArrivalNumber, d.Year, d.Metadata.Subject, d.Status }).ToDictionaryAsync(d => d.Id, cancellationToken);
            foreach (var a in batch)
            {
                if (!documents.TryGetValue(a.OwnerId, out var d) || a.DueDate is not { } due)
                {
                    skipped++;
                    continue;
                }

                string title;
                if (due < today)
                {
                    a.MarkOverdueReminded(today);
                    title = "Văn bản đến đã quá hạn xử lý";
                }
                else
                {
                    var days = reminderDays.TryGetValue(a.AgencyId, out var n) ? n : IncomingSettings.DefaultReminderDays;
                    if (days <= 0 || due > calendar.AddWorkingDays(today, days))
                    {
                        skipped++;
                        continue;
                    }

                    a.MarkDueSoonReminded(today);
                    title = due == today ? "Văn bản đến hết hạn xử lý hôm nay" : "Văn bản đến sắp đến hạn xử lý";
                }

                var body = string.Create(CultureInfo.InvariantCulture,
                    $"Số đến {d.ArrivalNumber}/{d.Year}: {Shorten(d.Subject)} — hạn xử lý {due:dd/MM/yyyy} ({HandlingNames.Name(a.Role).ToLower(CultureInfo.GetCultureInfo("vi-VN"))}).");
                foreach (var holder in await HoldersAsync(a, leaders, cancellationToken))
                {
                    await notifier.NotifyAsync(holder, title, body, IncomingHandling.Link(a.OwnerId), Category, a.OwnerId, cancellationToken);
                    sent++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} incoming-document deadline reminder(s).", sent);
        }
    }

    private async Task<IReadOnlyList<Guid>> HoldersAsync(Assignment a, Dictionary<(Guid, Guid), IReadOnlyList<Guid>> cache, CancellationToken cancellationToken)
    {
        if (a.RecipientUserId is { } user)
        {
            return [user];
        }

        if (a.RecipientUnitId is not { } unit)
        {
            return [];
        }

        if (!cache.TryGetValue((a.AgencyId, unit), out var holders))
        {
            var list = new List<Guid>();
            foreach (var grant in (await scopes.HoldersOfRoleAsync(a.AgencyId, DefaultRoles.UnitLeader, cancellationToken)).DistinctBy(g => g.UserId))
            {
                if (await scopes.HasPermissionAsync(grant.UserId, DocumentsPermissions.DistributeIncoming, unit, cancellationToken))
                {
                    list.Add(grant.UserId);
                }
            }

            holders = list;
            cache[(a.AgencyId, unit)] = holders;
        }

        return holders;
    }

    private static string Shorten(string subject) => subject.Length <= 300 ? subject : subject[..299] + "…";
}
