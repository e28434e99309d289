using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents;

/// <summary>What a reminder says about the document an assignment belongs to, and where it links.</summary>
public sealed record ReminderSubject(string Text, string Link);

/// <summary>
/// Nhắc hạn, for any document's handling tree (regulation 000 Điều 6, 004 Điều 7): every hour, for assignments still
/// being handled, tells their holder — the person, or for a unit the unit's leaders — once when the deadline is the
/// agency's <c>ReminderDaysBefore</c> working days away or nearer, and once when it has passed. Each reminder is marked
/// on the assignment so it is never sent twice; a run is safe to repeat. The owner says which of its assignments are
/// reminded, what the reminder says and where it links.
/// </summary>
public abstract class DeadlineReminders<TAssignment>(
    EofficeDbContext db,
    INotifier notifier,
    IAccessScopes scopes,
    WorkingDayCalendar calendar,
    ILogger logger) : IRecurringJob
    where TAssignment : Assignment
{
    private const int BatchSize = 500;

    protected EofficeDbContext Db => db;

    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    public TimeSpan Interval => TimeSpan.FromHours(1);

    /// <summary>The notification category of the reminders.</summary>
    protected abstract string Category { get; }

    /// <summary>The titles: past the deadline, due today, due soon.</summary>
    protected abstract (string Overdue, string Today, string Soon) Titles { get; }

    /// <summary>Narrows the assignments reminded (all active ones with a deadline by default).</summary>
    protected virtual IQueryable<TAssignment> Reminded(IQueryable<TAssignment> active) => active;

    /// <summary>The documents of the batch, by id, as the reminders name them (a document gone or closed is left out).</summary>
    protected abstract Task<IReadOnlyDictionary<Guid, ReminderSubject>> SubjectsAsync(IReadOnlyList<Guid> ownerIds, CancellationToken cancellationToken);

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
            var query = Reminded(db.Set<TAssignment>()
                .Where(a => (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.Forwarded) && a.DueDate != null
                    && ((a.OverdueRemindedOn == null && a.DueDate < today) || (a.DueSoonRemindedOn == null && a.DueDate >= today && a.DueDate <= horizon))));
            // Reminded rows leave the query; the ones passed over (not yet due for their agency) stay first in id order.
            var batch = await query.OrderBy(a => a.Id).Skip(skipped).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var subjects = await SubjectsAsync(batch.Select(a => a.OwnerId).Distinct().ToList(), cancellationToken);
            foreach (var a in batch)
            {
                if (!subjects.TryGetValue(a.OwnerId, out var subject) || a.DueDate is not { } due)
                {
                    skipped++;
                    continue;
                }

                string title;
                if (due < today)
                {
                    a.MarkOverdueReminded(today);
                    title = Titles.Overdue;
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
                    title = due == today ? Titles.Today : Titles.Soon;
                }

                var body = $"{subject.Text} — hạn {VietnamTime.FormatDate(due)} ({HandlingNames.Name(a.Role).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}).";
                foreach (var holder in await HoldersAsync(a, leaders, cancellationToken))
                {
                    await notifier.NotifyAsync(holder, title, body, subject.Link, Category, a.OwnerId, cancellationToken);
                    sent++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} deadline reminder(s) ({Job}).", sent, Name);
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

    protected static string Shorten(string subject) => subject.Length <= 300 ? subject : subject[..299] + "…";
}
