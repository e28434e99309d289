using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// In-app notifications about incoming documents, as one subscriber of the documents' events: a new assignment tells its
/// holders (a unit's: its leaders), a return tells the sender, an opinion or feedback tells the sender of the actor's part
/// and whoever leads now, a finished part tells its sender, a revocation tells those who held what was taken back, a
/// grant tells the person. Nobody is told of their own action. A repeated delivery of an event adds nothing (each
/// notification is keyed by the event). Each is about the document, so opening the document marks it read.
/// </summary>
public sealed class IncomingNotifications(EofficeDbContext db, INotifier notifier, RoutingPolicy routing) : IOutboxHandler<TimelineEvent>
{
    public const string Category = "documents.incoming";

    public static IReadOnlyList<string> Events { get; } =
    [
        IncomingDocumentEvents.Presented, IncomingDocumentEvents.Forwarded, IncomingDocumentEvents.Returned, IncomingDocumentEvents.Opinion,
        IncomingDocumentEvents.Feedback, IncomingDocumentEvents.Finished, IncomingDocumentEvents.Revoked, IncomingDocumentEvents.Granted,
        IncomingDocumentEvents.ResultConfirmed, IncomingDocumentEvents.ReworkRequested, IncomingDocumentEvents.ReceivedByUnit,
    ];

    private sealed record Notice(Guid UserId, string Title, string? Body);

    public async Task HandleAsync(TimelineEvent message, CancellationToken cancellationToken)
    {
        var document = await db.Set<IncomingDocument>().AsNoTracking().Include(d => d.Assignments)
            .FirstOrDefaultAsync(d => d.Id == message.OwnerId, cancellationToken);
        if (document is null)
        {
            return;
        }

        var notices = await NoticesAsync(document, message, cancellationToken);
        var key = message.EventId.ToString("N");
        var recipients = notices.Select(n => n.UserId).Where(u => u != message.ActorId).Distinct().ToList();
        var done = await db.Set<Notification>().Where(n => n.SourceKey == key && recipients.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(cancellationToken);
        foreach (var notice in notices.Where(n => n.UserId != message.ActorId && !done.Contains(n.UserId)).DistinctBy(n => n.UserId))
        {
            await notifier.NotifyOnceAsync(key, notice.UserId, IncomingHandling.Shorten(notice.Title, 190),
                notice.Body is null ? null : IncomingHandling.Shorten(notice.Body, 900), IncomingHandling.Link(document.Id), Category, document.Id,
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<Notice>> NoticesAsync(IncomingDocument document, TimelineEvent e, CancellationToken cancellationToken)
    {
        var subject = IncomingHandling.Shorten(document.Metadata.Subject);
        var by = e.ActorDisplayName;
        var own = e.AssignmentId is { } id ? document.Assignments.FirstOrDefault(a => a.Id == id) : null;
        var concerned = document.Assignments.Where(a => e.AssignmentIds.Contains(a.Id)).ToList();
        switch (e.Kind)
        {
            case HandlingEventKinds.Presented:
            case HandlingEventKinds.Forwarded:
            {
                var notices = new List<Notice>();
                var urgent = document.Metadata.Urgency >= Urgency.Urgent ? $"[{UrgencyNames.Name(document.Metadata.Urgency)}] " : "";
                foreach (var a in concerned)
                {
                    var due = a.DueDate is { } d ? $" Hạn xử lý: {VietnamTime.FormatDate(d)}." : "";
                    // Sent to a unit with its own clerk: the clerk receives it first (the leaders are told when the clerk passes it on).
                    var (holders, title) = a.ReceivingRegisterId is { } register
                        ? (await KeepersAsync(register, cancellationToken), $"{urgent}Văn bản đến chờ tiếp nhận vào sổ {a.RecipientName}")
                        : (await HoldersAsync(a, cancellationToken), $"{urgent}Văn bản đến cần xử lý ({HandlingNames.Name(a.Role)})");
                    notices.AddRange(holders.Select(h => new Notice(h, title, $"{by} chuyển: {subject}.{due}")));
                }

                return notices;
            }

            case HandlingEventKinds.Received:
            {
                var notices = new List<Notice>();
                var urgent = document.Metadata.Urgency >= Urgency.Urgent ? $"[{UrgencyNames.Name(document.Metadata.Urgency)}] " : "";
                foreach (var a in concerned)
                {
                    notices.AddRange((await HoldersAsync(a, cancellationToken)).Select(h =>
                        new Notice(h, $"{urgent}Văn bản đến cần xử lý ({HandlingNames.Name(a.Role)})", $"{by} (văn thư) trình: {subject}. {e.Text}")));
                }

                return notices;
            }

            case HandlingEventKinds.Finished when own is not null
                && document.Assignments.FirstOrDefault(a => a.Id == own.ParentId) is { Awaiting: AssignmentAwaiting.ResultConfirmation } parent:
                return (await HoldersAsync(parent, cancellationToken))
                    .Select(h => new Notice(h, "Kết quả xử lý văn bản đến chờ bạn xác nhận", $"{by}: {subject}")).ToList();

            case HandlingEventKinds.Confirmed when own is not null:
                return document.Assignments.Where(a => a.ParentId == own.Id && a.Status == AssignmentStatus.Done && a.RecipientUserId is not null)
                    .Select(a => new Notice(a.RecipientUserId!.Value, "Kết quả xử lý văn bản đến đã được xác nhận", $"{by}: {subject}")).ToList();

            case HandlingEventKinds.ReworkRequested:
            {
                var notices = new List<Notice>();
                foreach (var a in concerned)
                {
                    notices.AddRange((await HoldersAsync(a, cancellationToken)).Select(h => new Notice(h, "Yêu cầu xử lý lại văn bản đến", $"{by}: {subject}. {e.Text}")));
                }

                return notices;
            }

            case HandlingEventKinds.Returned when own is not null:
            {
                var notice = new Notice(own.SenderId, "Văn bản đến bị trả lại", $"{by} trả lại: {subject}. Lý do: {own.Result}");
                return own.ActingSenderId is { } acting ? [notice, notice with { UserId = acting }] : [notice];
            }

            case HandlingEventKinds.Opinion:
                return await ContributionAsync(document, own, "Ý kiến mới về văn bản đến", $"{by}: {IncomingHandling.Shorten(e.Text ?? "")}", cancellationToken);

            case HandlingEventKinds.Feedback when own is not null:
                return await ContributionAsync(document, own, "Ý kiến góp ý về văn bản đến",
                    $"{own.RecipientName} ({by}): {IncomingHandling.Shorten(e.Text ?? "")}", cancellationToken);

            case HandlingEventKinds.Finished when own is not null:
                return [new Notice(own.SenderId, "Văn bản đến đã được xử lý xong", $"{by}: {subject}")];

            case HandlingEventKinds.Revoked:
            {
                var reason = own?.Result is { } r ? $". Lý do: {r}" : "";
                var notices = new List<Notice>();
                foreach (var a in concerned)
                {
                    notices.AddRange((await HoldersAsync(a, cancellationToken)).Select(h => new Notice(h, "Văn bản đến đã bị thu hồi", $"{by} thu hồi: {subject}{reason}")));
                }

                return notices;
            }

            case HandlingEventKinds.Granted:
                return e.PersonIds.Select(p => new Notice(p, "Văn bản đến được chia sẻ với bạn", $"{e.ActorName}: {subject}")).ToList();

            default:
                return [];
        }
    }

    /// <summary>An opinion or feedback: the sender of the actor's part and whoever holds the lead (chủ trì) now.</summary>
    private async Task<List<Notice>> ContributionAsync(IncomingDocument document, IncomingAssignment? own, string title, string body,
        CancellationToken cancellationToken)
    {
        var notices = new List<Notice>();
        if (own is not null)
        {
            notices.Add(new Notice(own.SenderId, title, body));
        }

        foreach (var lead in document.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status.IsActive() && a != own))
        {
            notices.AddRange((await HoldersAsync(lead, cancellationToken)).Select(h => new Notice(h, title, body)));
        }

        return notices;
    }

    /// <summary>The people who hold an assignment: its person, the leaders of its unit, or — while it waits for the unit's clerk — the register's keepers.</summary>
    private async Task<IReadOnlyList<Guid>> HoldersAsync(Assignment assignment, CancellationToken cancellationToken) =>
        assignment.RecipientUserId is { } user ? [user]
        : assignment is { Status: AssignmentStatus.AwaitingReceipt, ReceivingRegisterId: { } register } ? await KeepersAsync(register, cancellationToken)
        : assignment.RecipientUnitId is { } unit ? await routing.UnitLeadersAsync(assignment.AgencyId, unit, cancellationToken)
        : [];

    private async Task<IReadOnlyList<Guid>> KeepersAsync(Guid registerId, CancellationToken cancellationToken) =>
        await db.Set<RegisterKeeper>().AsNoTracking().Where(k => k.RegisterId == registerId).Select(k => k.UserId).ToListAsync(cancellationToken);
}
