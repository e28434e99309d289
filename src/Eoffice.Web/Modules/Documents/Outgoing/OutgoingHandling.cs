using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// What every outgoing action shares: the viewer and the document (through <see cref="OutgoingAccessControl"/>, so an
/// invisible document is 404), the clock and the calendar, and the commit with the action's audit entry; new history
/// entries are published as events in the same transaction. A second person who acted on the document meanwhile makes
/// the commit fail with a conflict.
/// </summary>
public sealed class OutgoingHandling(EofficeDbContext db, OutgoingAccessControl access, UnitOfWork unitOfWork, WorkingDayCalendar calendar, TimeProvider time)
{
    public const string ConflictMessage = "Văn bản vừa được người khác xử lý. Vui lòng tải lại trang để xem tình trạng mới nhất.";
    public const string AuditObjectType = "outgoing-document";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => calendar.Today;

    public WorkingDayCalendar Calendar => calendar;

    public EofficeDbContext Db => db;

    public UnitOfWork UnitOfWork => unitOfWork;

    public Task<OutgoingViewer> ViewerAsync(CancellationToken cancellationToken) => access.ViewerAsync(cancellationToken);

    public Task<OutgoingDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken) => access.LoadAsync(documentId, cancellationToken);

    public static string Link(Guid documentId) => $"/van-ban-di/{documentId}";

    public static string Title(OutgoingDocument d) => d.Number is null ? $"dự thảo \"{Shorten(d.Metadata.Subject, 120)}\"" : $"văn bản đi {d.CodeText}";

    public AuditEvent Audit(OutgoingDocument document, Actor actor, string action, string details) =>
        new(action, AuditObjectType, document.Id.ToString(), Details: details, OnBehalfOfId: actor.OnBehalfOfId, OnBehalfOfName: actor.OnBehalfOfName);

    public Task CommitAsync(OutgoingDocument document, Actor actor, string action, string details, CancellationToken cancellationToken) =>
        unitOfWork.CommitAsync(Audit(document, actor, action, details), cancellationToken, ConflictMessage);

    /// <summary>A file given to an action must exist and have been uploaded by the person acting (or be already on the document).</summary>
    public async Task<VersionFile> OwnFileAsync(Guid fileId, Guid userId, IEnumerable<Guid> alreadyOnDocument, string field, CancellationToken cancellationToken)
    {
        var known = alreadyOnDocument.Contains(fileId);
        var file = await db.Set<Platform.Storage.StoredFile>().AsNoTracking()
            .Where(f => f.Id == fileId && (known || f.CreatedBy == userId)).Select(f => new { f.Id, f.FileName }).FirstOrDefaultAsync(cancellationToken);
        return file is null ? throw RuleException.Invalid("Tệp đính kèm không tồn tại.", field) : new VersionFile(file.Id, file.FileName);
    }

    public DateOnly? DueDateOf(DateOnly? dueDate, int? workingDays) =>
        dueDate ?? (workingDays is { } n ? calendar.AddWorkingDays(calendar.Today, n) : null);

    public static string Shorten(string text, int max = 200) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
