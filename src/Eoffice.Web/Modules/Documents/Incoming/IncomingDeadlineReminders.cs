using System.Globalization;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>Nhắc hạn xử lý văn bản đến: the deadline reminders of every active part of an incoming document's handling.</summary>
public sealed class IncomingDeadlineReminders(
    EofficeDbContext db,
    INotifier notifier,
    IAccessScopes scopes,
    WorkingDayCalendar calendar,
    ILogger<IncomingDeadlineReminders> logger) : DeadlineReminders<IncomingAssignment>(db, notifier, scopes, calendar, logger)
{
    public const string JobName = "documents.incoming.deadline-reminders";
    public const string ReminderCategory = "documents.incoming.deadline";

    public override string Name => JobName;

    public override string DisplayName => "Nhắc hạn xử lý văn bản đến";

    protected override string Category => ReminderCategory;

    protected override (string Overdue, string Today, string Soon) Titles =>
        ("Văn bản đến đã quá hạn xử lý", "Văn bản đến hết hạn xử lý hôm nay", "Văn bản đến sắp đến hạn xử lý");

    protected override async Task<IReadOnlyDictionary<Guid, ReminderSubject>> SubjectsAsync(IReadOnlyList<Guid> ownerIds, CancellationToken cancellationToken) =>
        await Db.Set<IncomingDocument>().AsNoTracking().Where(d => ownerIds.Contains(d.Id))
            .Select(d => new { d.Id, d.ArrivalNumber, d.Year, d.Metadata.Subject })
            .ToDictionaryAsync(d => d.Id, d => new ReminderSubject(
                string.Create(CultureInfo.InvariantCulture, $"Số đến {d.ArrivalNumber}/{d.Year}: {Shorten(d.Subject)}"), IncomingHandling.Link(d.Id)), cancellationToken);
}
