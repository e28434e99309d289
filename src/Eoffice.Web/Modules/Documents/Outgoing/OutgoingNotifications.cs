using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// In-app notifications at each hand-over of an outgoing document, as one subscriber of its events: a step handed on
/// tells its new holder; a return tells the drafter (or the person it went back to); a request for comments tells the
/// person or the unit's leaders, and the answer tells who asked; a signature tells the register's clerks that it waits
/// for issuance and the drafter that it was signed; issuance and recall tell the drafter and the people it was sent
/// to; a recalled submission tells the person who held it. Nobody is told of their own action; a repeated delivery adds
/// nothing (keyed by the event).
/// </summary>
public sealed class OutgoingNotifications(EofficeDbContext db, INotifier notifier, RoutingPolicy routing) : IOutboxHandler<TimelineEvent>
{
    public const string Category = "documents.outgoing";

    public static IReadOnlyList<string> Events { get; } =
    [
        OutgoingDocumentEvents.Submitted, OutgoingDocumentEvents.Returned, OutgoingDocumentEvents.Consulted, OutgoingDocumentEvents.Feedback,
        OutgoingDocumentEvents.Signed, OutgoingDocumentEvents.Issued, OutgoingDocumentEvents.Withdrawn, OutgoingDocumentEvents.Recalled,
    ];

    private sealed record Notice(Guid UserId, string Title, string? Body);

    public async Task HandleAsync(TimelineEvent message, CancellationToken cancellationToken)
    {
        var document = await db.Set<OutgoingDocument>().AsNoTracking().Include(d => d.Assignments)
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
            await notifier.NotifyOnceAsync(key, notice.UserId, OutgoingHandling.Shorten(notice.Title, 190),
                notice.Body is null ? null : OutgoingHandling.Shorten(notice.Body, 900), OutgoingHandling.Link(document.Id), Category, document.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<Notice>> NoticesAsync(OutgoingDocument document, TimelineEvent e, CancellationToken cancellationToken)
    {
        var subject = OutgoingHandling.Shorten(document.Metadata.Subject);
        var by = e.ActorDisplayName;
        var concerned = document.Assignments.Where(a => e.AssignmentIds.Contains(a.Id)).ToList();
        var own = e.AssignmentId is { } id ? document.Assignments.FirstOrDefault(a => a.Id == id) : null;
        switch (e.Kind)
        {
            case OutgoingEventKinds.Submitted:
                return [.. concerned.Where(a => a.ParentId is null && a.RecipientUserId is not null).Select(a =>
                    new Notice(a.RecipientUserId!.Value, $"Dự thảo văn bản đi chờ bạn xử lý ({document.StepAt(a.StepNumber ?? document.CurrentStep).Name})", $"{by} trình: {subject}"))];

            case HandlingEventKinds.Returned:
                return
                [
                    .. e.PersonIds.Select(p => new Notice(p, "Dự thảo văn bản đi bị trả lại", $"{by}: {subject}. {e.Text}")),
                    .. concerned.Where(a => a.Status.IsActive() && a.RecipientUserId is not null)
                        .Select(a => new Notice(a.RecipientUserId!.Value, "Dự thảo văn bản đi được trả lại bạn", $"{by}: {subject}. {e.Text}")),
                ];

            case HandlingEventKinds.Forwarded:
            {
                var notices = new List<Notice>();
                foreach (var a in concerned.Where(a => a.ParentId is not null))
                {
                    var due = a.DueDate is { } d ? $" Hạn góp ý: {Platform.Time.VietnamTime.FormatDate(d)}." : "";
                    IEnumerable<Guid> holders = a.RecipientUserId is { } user ? [user]
                        : a.RecipientUnitId is { } unit ? await routing.UnitLeadersAsync(a.AgencyId, unit, cancellationToken) : [];
                    notices.AddRange(holders.Select(h => new Notice(h, "Xin ý kiến góp ý dự thảo văn bản đi", $"{by}: {subject}.{due}")));
                }

                return notices;
            }

            case HandlingEventKinds.Feedback when own is not null:
                return [new Notice(own.SenderId, "Ý kiến góp ý dự thảo văn bản đi", $"{own.RecipientName} ({by}): {OutgoingHandling.Shorten(e.Text ?? "")}")];

            case OutgoingEventKinds.Signed:
            {
                var keepers = await db.Set<RegisterKeeper>().AsNoTracking().Where(k => k.RegisterId == document.RegisterId).Select(k => k.UserId).ToListAsync(cancellationToken);
                return
                [
                    .. keepers.Select(k => new Notice(k, "Văn bản đi chờ phát hành", $"{by} đã ký: {subject}")),
                    new Notice(document.DrafterId, "Dự thảo văn bản đi đã được ký", $"{by}: {subject}"),
                ];
            }

            case OutgoingEventKinds.Issued:
                return [.. e.PersonIds.Select(p => new Notice(p, $"Văn bản đi đã phát hành: {document.CodeText}", subject))];

            case OutgoingEventKinds.Withdrawn when document.Status == OutgoingStatus.Recalled:
                return [.. e.PersonIds.Append(document.DrafterId).Select(p => new Notice(p, $"Văn bản đi {document.CodeText} đã bị thu hồi", $"{by}: {e.Text}"))];

            case HandlingEventKinds.Revoked:
                return [.. concerned.Where(a => a.RecipientUserId is not null).Select(a => new Notice(a.RecipientUserId!.Value, "Dự thảo văn bản đi đã được rút lại", $"{by}: {subject}"))];

            default:
                return [];
        }
    }
}
