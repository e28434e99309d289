using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>One in-app notification an action sends once it commits.</summary>
public sealed record IncomingNotice(Guid UserId, string Title, string? Body);

/// <summary>
/// What every handling action shares: the viewer and the document (through <see cref="IncomingAccessControl"/>, so an
/// invisible document is 404), the assignment the viewer acts on and as whom (<see cref="IncomingViewer.ActorFor"/>), and
/// the commit — one transaction holding the change, its notifications and its audit entry (with the delegator when
/// acting on someone's behalf). A second person who changed the document meanwhile makes the commit fail with 409.
/// </summary>
public sealed class IncomingHandling(
    EofficeDbContext db,
    IncomingAccessControl access,
    IAuditLog audit,
    INotifier notifier,
    RoutingPolicy routing,
    WorkingDayCalendar calendar,
    TimeProvider time)
{
    public const string ConflictMessage = "Văn bản vừa được người khác xử lý. Vui lòng tải lại trang để xem tình trạng mới nhất.";
    public const string AuditObjectType = "incoming-document";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => calendar.Today;

    public EofficeDbContext Db => db;

    public Task<IncomingViewer> ViewerAsync(CancellationToken cancellationToken) => access.ViewerAsync(cancellationToken);

    public Task<IncomingDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken) => access.LoadAsync(documentId, cancellationToken);

    public static string Link(Guid documentId) => $"/van-ban-den/{documentId}";

    /// <summary>
    /// The viewer's active assignment to act on (the one named, or the first they may act on: their own, then a unit's
    /// they lead, then a delegator's) and the actor; a rule error when they hold none.
    /// </summary>
    public static (Assignment Assignment, Actor Actor) ActingOn(IncomingViewer viewer, IncomingDocument document, Guid? assignmentId,
        Func<Assignment, bool>? filter = null)
    {
        var candidates = document.Assignments
            .Where(a => a.Status.IsActive() && (assignmentId is null || a.Id == assignmentId) && (filter?.Invoke(a) ?? true))
            .Select(a => (Assignment: a, Actor: viewer.ActorFor(a)))
            .Where(x => x.Actor is not null)
            .OrderBy(x => x.Actor!.OnBehalfOfId is null ? 0 : 1)
            .ThenBy(x => x.Assignment.RecipientUserId == viewer.UserId ? 0 : 1)
            .ThenByDescending(x => x.Assignment.SentAt)
            .ToList();
        if (candidates.Count == 0)
        {
            // The viewer held a part here that has ended meanwhile (a colleague of the unit finished or forwarded it, the
            // sender took it back): the document moved on under them, which is a conflict, not a lack of rights.
            if (document.Assignments.Any(a => (assignmentId is null || a.Id == assignmentId) && (filter?.Invoke(a) ?? true)
                    && viewer.ActorFor(a) is not null))
            {
                throw RuleException.Conflict("Phần xử lý này đã kết thúc; không thể thực hiện thao tác.");
            }

            throw RuleException.Forbidden("Bạn không có văn bản này để xử lý.");
        }

        return (candidates[0].Assignment, candidates[0].Actor!);
    }

    /// <summary>The people who hold an assignment: its person, or the leaders of its unit.</summary>
    public async Task<IReadOnlyList<Guid>> HoldersAsync(Assignment assignment, CancellationToken cancellationToken) =>
        assignment.RecipientUserId is { } user ? [user]
        : assignment.RecipientUnitId is { } unit ? await routing.UnitLeadersAsync(assignment.AgencyId, unit, cancellationToken)
        : [];

    /// <summary>Notices "new document to handle" for the holders of each new assignment.</summary>
    public async Task<List<IncomingNotice>> NewAssignmentNoticesAsync(IncomingDocument document, IEnumerable<Assignment> created, Actor sender,
        CancellationToken cancellationToken)
    {
        var notices = new List<IncomingNotice>();
        foreach (var a in created)
        {
            var urgent = document.Urgency >= Contracts.Urgency.Urgent ? $"[{Contracts.UrgencyNames.Name(document.Urgency)}] " : "";
            var due = a.DueDate is { } d ? $" Hạn xử lý: {VietnamTime.FormatDate(d)}." : "";
            foreach (var holder in await HoldersAsync(a, cancellationToken))
            {
                notices.Add(new IncomingNotice(holder, $"{urgent}Văn bản đến cần xử lý ({IncomingNames.Name(a.Role)})",
                    $"{sender.DisplayName} chuyển: {Shorten(document.Subject)}.{due}"));
            }
        }

        return notices;
    }

    /// <summary>
    /// Notices for an opinion or feedback: the sender of the actor's assignment and whoever holds the lead (chủ trì) now.
    /// </summary>
    public async Task<List<IncomingNotice>> ContributionNoticesAsync(IncomingDocument document, Assignment? assignment, string title, string body,
        CancellationToken cancellationToken)
    {
        var notices = new List<IncomingNotice>();
        if (assignment is not null)
        {
            notices.Add(new IncomingNotice(assignment.SenderId, title, body));
        }

        foreach (var lead in document.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status.IsActive() && a != assignment))
        {
            notices.AddRange((await HoldersAsync(lead, cancellationToken)).Select(h => new IncomingNotice(h, title, body)));
        }

        return notices;
    }

    /// <summary>A file added to an opinion or feedback must have been uploaded by the person adding it.</summary>
    public async Task EnsureOwnFileAsync(Guid? fileId, Guid userId, CancellationToken cancellationToken)
    {
        if (fileId is { } id && !await db.Set<Platform.Storage.StoredFile>().AnyAsync(f => f.Id == id && f.CreatedBy == userId, cancellationToken))
        {
            throw RuleException.Invalid("Tệp đính kèm không tồn tại.", "fileId");
        }
    }

    /// <summary>Saves the change with its notices and audit entry in one transaction; 409 when someone else changed the document first.</summary>
    public async Task CommitAsync(IncomingDocument document, Actor actor, string action, string details, IEnumerable<IncomingNotice> notices,
        CancellationToken cancellationToken)
    {
        var loadedVersion = db.Entry(document).Property(d => d.Version).OriginalValue;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var n in notices.Where(n => n.UserId != actor.UserId).DistinctBy(n => n.UserId))
            {
                await notifier.NotifyAsync(n.UserId, Shorten(n.Title, 190), n.Body is null ? null : Shorten(n.Body, 900), Link(document.Id), "documents.incoming",
                    cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEvent(action, AuditObjectType, document.Id.ToString(), Details: details,
                OnBehalfOfId: actor.OnBehalfOfId, OnBehalfOfName: actor.OnBehalfOfName), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw RuleException.Conflict(ConflictMessage);
        }
        catch (DbUpdateException)
        {
            // Two people acting at once may collide on a child row (the same recipient's access row) before the version
            // check is reached: when the document has moved on meanwhile, that is the same conflict.
            db.ChangeTracker.Clear();
            var current = await db.Set<IncomingDocument>().AsNoTracking().Where(d => d.Id == document.Id).Select(d => d.Version).FirstAsync(cancellationToken);
            if (current != loadedVersion)
            {
                throw RuleException.Conflict(ConflictMessage);
            }

            throw;
        }
    }

    /// <summary>A deadline from a date or a number of working days counted from today (the date wins).</summary>
    public DateOnly? DueDateOf(DateOnly? dueDate, int? workingDays) =>
        dueDate ?? (workingDays is { } n ? calendar.AddWorkingDays(calendar.Today, n) : null);

    public static string Shorten(string text, int max = 200) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static RuleException NotFound() => RuleException.NotFound();
}
