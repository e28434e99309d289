using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// Nhắc hạn góp ý: the requests for comments on a draft still under review (the forwards below its current step) remind
/// the person or the unit's leaders before their deadline and when it has passed, as incoming documents' parts do.
/// </summary>
public sealed class OutgoingConsultationReminders(
    EofficeDbContext db,
    INotifier notifier,
    IAccessScopes scopes,
    WorkingDayCalendar calendar,
    ILogger<OutgoingConsultationReminders> logger) : DeadlineReminders<OutgoingAssignment>(db, notifier, scopes, calendar, logger)
{
    public const string JobName = "documents.outgoing.consultation-reminders";
    public const string ReminderCategory = "documents.outgoing.deadline";

    public override string Name => JobName;

    public override string DisplayName => "Nhắc hạn góp ý dự thảo văn bản đi";

    protected override string Category => ReminderCategory;

    protected override (string Overdue, string Today, string Soon) Titles =>
        ("Yêu cầu góp ý dự thảo văn bản đi đã quá hạn", "Yêu cầu góp ý dự thảo văn bản đi hết hạn hôm nay", "Yêu cầu góp ý dự thảo văn bản đi sắp đến hạn");

    protected override IQueryable<OutgoingAssignment> Reminded(IQueryable<OutgoingAssignment> active) => active.Where(a => a.ParentId != null);

    protected override async Task<IReadOnlyDictionary<Guid, ReminderSubject>> SubjectsAsync(IReadOnlyList<Guid> ownerIds, CancellationToken cancellationToken) =>
        await Db.Set<OutgoingDocument>().AsNoTracking().Where(d => ownerIds.Contains(d.Id) && d.Status == OutgoingStatus.InReview)
            .Select(d => new { d.Id, d.Metadata.Subject })
            .ToDictionaryAsync(d => d.Id, d => new ReminderSubject($"Dự thảo: {Shorten(d.Subject)}", OutgoingHandling.Link(d.Id)), cancellationToken);
}
