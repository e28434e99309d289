using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// What every handling action shares: the viewer and the document (through <see cref="IncomingAccessControl"/>, so an
/// invisible document is 404), the clock and the calendar, and the commit — the <see cref="UnitOfWork"/> with the
/// action's audit entry (with the delegator when acting on someone's behalf). The document's new history entries are
/// published as events in the same transaction; notifications are one of their subscribers. A second person who changed
/// the document meanwhile makes the commit fail with a conflict.
/// </summary>
public sealed class IncomingHandling(EofficeDbContext db, IncomingAccessControl access, UnitOfWork unitOfWork, WorkingDayCalendar calendar, TimeProvider time)
{
    public const string ConflictMessage = "Văn bản vừa được người khác xử lý. Vui lòng tải lại trang để xem tình trạng mới nhất.";
    public const string AuditObjectType = "incoming-document";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => calendar.Today;

    public EofficeDbContext Db => db;

    public Task<IncomingViewer> ViewerAsync(CancellationToken cancellationToken) => access.ViewerAsync(cancellationToken);

    public Task<IncomingDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken) => access.LoadAsync(documentId, cancellationToken);

    /// <summary>How handling ends in the viewer's agency (whether unit heads confirm results).</summary>
    public async Task<HandlingRules> RulesAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await db.Set<IncomingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken))?.Rules ?? HandlingRules.Default;

    public static string Link(Guid documentId) => $"/van-ban-den/{documentId}";

    /// <summary>A file added to an opinion or feedback must have been uploaded by the person adding it.</summary>
    public async Task EnsureOwnFileAsync(Guid? fileId, Guid userId, CancellationToken cancellationToken)
    {
        if (fileId is { } id && !await db.Set<Platform.Storage.StoredFile>().AnyAsync(f => f.Id == id && f.CreatedBy == userId, cancellationToken))
        {
            throw RuleException.Invalid("Tệp đính kèm không tồn tại.", "fileId");
        }
    }

    /// <summary>Saves the change with its audit entry in one transaction; a conflict when someone else changed the document first.</summary>
    public Task CommitAsync(IncomingDocument document, Actor actor, string action, string details, CancellationToken cancellationToken) =>
        CommitAsync(document, actor, action, details, [], cancellationToken);

    /// <summary>The same, with the entries of what another module staged in this unit of work (a filing into dossiers).</summary>
    public Task CommitAsync(IncomingDocument document, Actor actor, string action, string details, IReadOnlyList<AuditEvent> alsoAudited,
        CancellationToken cancellationToken) =>
        unitOfWork.CommitWithEntriesAsync([new AuditEvent(action, AuditObjectType, document.Id.ToString(), Details: details,
            OnBehalfOfId: actor.OnBehalfOfId, OnBehalfOfName: actor.OnBehalfOfName), .. alsoAudited], cancellationToken, ConflictMessage);

    /// <summary>A deadline from a date or a number of working days counted from today (the date wins).</summary>
    public DateOnly? DueDateOf(DateOnly? dueDate, int? workingDays) =>
        dueDate ?? (workingDays is { } n ? calendar.AddWorkingDays(calendar.Today, n) : null);

    public static string Shorten(string text, int max = 200) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
