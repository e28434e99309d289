using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// One incoming document as the viewer may see it: every field with its Vietnamese label, files, answers, the
/// processing tree (who sent what to whom, in which role, by when, and where it stands), the history, and the actions
/// the viewer may take now. Opening it marks the viewer's open assignments read and their notifications about it read,
/// and records the access in the audit log (Phụ lục VI III.5.a), in one commit. <c>GET /api/v1/documents/incoming/{id}</c>,
/// page /van-ban-den/{id}. Anyone else: 404.
/// </summary>
public sealed class GetIncomingDocument(
    IncomingHandling handling,
    IncomingDefaults defaults,
    WorkingDayCalendar calendar,
    UnitOfWork unitOfWork,
    INotificationReads notificationReads)
{
    public sealed record Field(string Label, string Value);

    public sealed record FileDto(Guid FileId, string FileName, bool IsMain, string Url);

    public sealed record ReplyDto(Guid Id, string Title, string CreatedByName, DateTime CreatedAt, string? OutgoingCode, string Text);

    public sealed record DeadlineDto(DateOnly DueDate, string State, string StateName);

    public sealed record AssignmentNode(
        Guid Id,
        Guid? ParentId,
        string SenderName,
        string? ActingSenderName,
        string RecipientName,
        string RecipientKind,
        Guid? RecipientUserId,
        Guid? RecipientUnitId,
        string Role,
        string RoleName,
        string Status,
        string StatusName,
        string? Awaiting,
        string? AwaitingName,
        string? Instruction,
        DeadlineDto? Deadline,
        DateTime SentAt,
        DateTime? ReadAt,
        DateTime? ForwardedAt,
        DateTime? FinishedAt,
        string? ActedByName,
        string? Result,
        bool CameBack,
        bool CanAct,
        bool CanRevoke,
        IReadOnlyList<AssignmentNode> Children);

    public sealed record EventDto(long Id, DateTime At, string Kind, string KindName, string ActorName, string? OnBehalfOfName, string? Text, FileDto? File);

    /// <summary>What the viewer may do now; each names the page of the action.</summary>
    public sealed record ActionDto(string Code, string Name, string Url);

    /// <summary>The document page; <c>Returned</c>: the viewer's part came back to them (or the document to its clerks), by whom and why.</summary>
    public sealed record Response(
        Guid Id,
        int ArrivalNumber,
        int Year,
        string Subject,
        string CodeText,
        string IssuingOrganName,
        string Urgency,
        string UrgencyName,
        bool IsUrgent,
        string Status,
        string StatusName,
        DateOnly? DueDate,
        DeadlineDto? Deadline,
        bool RequestsComments,
        bool ReturnedToClerk,
        string? DossierTitle,
        int Version,
        IReadOnlyList<Field> Fields,
        IReadOnlyList<FileDto> Files,
        IReadOnlyList<ReplyDto> Replies,
        IReadOnlyList<AssignmentNode> Tree,
        IReadOnlyList<EventDto> Timeline,
        IReadOnlyList<ActionDto> Actions,
        IncomingReturn? Returned) : IIncomingMarked;

    /// <summary>The state as shown: "Đã thu hồi" for a document the sender recalled, else the status's name.</summary>
    public static string StatusNameOf(IncomingDocument document) => document.RecalledAt is null ? IncomingNames.Name(document.Status) : "Đã thu hồi";

    public async Task<Response> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var settings = await defaults.SettingsAsync(viewer.AgencyId, cancellationToken);
        var today = calendar.Today;

        document.MarkRead(viewer.UserId, viewer.IsAddressedTo, handling.Now);
        foreach (var delegation in viewer.Delegations)
        {
            document.MarkRead(delegation.DelegatorId, a => a.RecipientUserId == delegation.DelegatorId, handling.Now);
        }

        await unitOfWork.CommitAsync(ct => notificationReads.MarkReadAboutAsync(document.Id, ct),
            _ => new AuditEvent("documents.incoming.view", IncomingHandling.AuditObjectType, document.Id.ToString(),
                Details: $"Xem văn bản đến số {document.ArrivalNumber}/{document.Year}."), cancellationToken, IncomingHandling.ConflictMessage);

        var register = await handling.Db.Set<Register>().AsNoTracking().Where(r => r.Id == document.RegisterId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var replies = await handling.Db.Set<IncomingReply>().AsNoTracking().Where(r => r.DocumentId == document.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var fileNames = await FileNamesAsync(document, cancellationToken);

        DeadlineDto? Deadline(DateOnly? due, bool active, DateTime? finishedAt, bool done)
        {
            if (due is not { } d)
            {
                return null;
            }

            if (active)
            {
                return d < today ? new(d, "overdue", "Quá hạn")
                    : calendar.CountWorkingDays(today, d) <= settings.ReminderDaysBefore ? new(d, "dueSoon", "Sắp đến hạn")
                    : new(d, "onTime", "Còn hạn");
            }

            if (done && finishedAt is { } f)
            {
                return VietnamTime.DateOf(new DateTimeOffset(f, TimeSpan.Zero)) <= d ? new(d, "doneOnTime", "Hoàn thành đúng hạn") : new(d, "doneLate", "Trễ hạn");
            }

            return new(d, "closed", "—");
        }

        AssignmentNode Node(IncomingAssignment a) => new(
            a.Id, a.ParentId, a.SenderName, a.ActingSenderName, a.RecipientName, a.RecipientUserId is null ? RoutingPolicy.UnitKind : RoutingPolicy.PersonKind,
            a.RecipientUserId, a.RecipientUnitId, HandlingNames.Json(a.Role), HandlingNames.Name(a.Role), HandlingNames.Json(a.Status), HandlingNames.Name(a.Status),
            HandlingNames.Json(a.Awaiting), HandlingNames.Name(a.Awaiting), a.Instruction, Deadline(a.DueDate, a.Status.IsActive(), a.FinishedAt, a.Status == AssignmentStatus.Done),
            a.SentAt, a.ReadAt, a.ForwardedAt, a.FinishedAt, a.ActedByName, a.Result, a.CameBack,
            a.Status.IsActive() && a.Status != AssignmentStatus.AwaitingReceipt && viewer.ActorFor(a) is not null,
            document.CanRevoke(viewer, a.Id) is null,
            document.Assignments.Where(c => c.ParentId == a.Id).OrderBy(c => c.SentAt).ThenBy(c => c.Role).Select(Node).ToList());

        var m = document.Metadata;
        var fields = new List<Field>
        {
            new("Sổ văn bản đến", register ?? ""),
            new("Số đến", $"{document.ArrivalNumber}/{document.Year}"),
            new("Ngày đến", VietnamTime.Format(document.ArrivalAt)),
            new("Hình thức nhận", IncomingNames.Name(document.Source)),
            new("Loại văn bản", m.TypeName),
            new("Số, ký hiệu", m.CodeText),
            new("Ngày văn bản", m.IssuedDate is { } issued ? VietnamTime.FormatDate(issued) : ""),
            new("Cơ quan ban hành", m.IssuingOrganName),
            new("Trích yếu", m.Subject),
            new("Người ký", m.SignerText),
            new("Độ khẩn", UrgencyNames.Name(m.Urgency)),
            new("Số trang", m.PageAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Ngôn ngữ", m.Language),
            new("Hạn giải quyết", m.DueDate is { } due ? VietnamTime.FormatDate(due) : ""),
            new("Đơn vị, người nhận", document.ToPlaces ?? ""),
            new("Văn bản xin ý kiến", m.RequestsComments ? "Có" : "Không"),
            new("Ghi chú", m.Description ?? ""),
            new("Phụ lục bản giấy", string.Join(" - ", new[] { m.PaperAppendixNote, m.PaperAppendixHolder }.Where(s => !string.IsNullOrEmpty(s)))),
            new("Người vào sổ", $"{document.RegisteredByName}, {VietnamTime.Format(document.RegisteredAt)}"),
            new("Tình trạng", StatusNameOf(document)),
            new("Hồ sơ công việc", document.DossierTitle ?? ""),
        };
        if (document.IsBackEntered)
        {
            fields.Add(new("Nhập bù", $"Đã xử lý trên giấy ngày {(document.HandledOnPaperOn is { } h ? VietnamTime.FormatDate(h) : "—")}. {document.PaperHandlingNote}"));
        }

        if (document.RecalledAt is { } recalledAt)
        {
            fields.Add(new("Thu hồi", $"Cơ quan gửi đã thu hồi văn bản ({document.CancelledByName} đồng ý lúc {VietnamTime.Format(recalledAt)}). Lý do: {document.RecallReason}"));
        }
        else if (document.Status == IncomingStatus.Cancelled)
        {
            fields.Add(new("Hủy đăng ký", $"{document.CancelledByName}: {document.CancelReason}"));
        }
        else if (await handling.Db.Set<PendingIncoming>().AsNoTracking().Where(p => p.DocumentId == document.Id && p.Recall == PendingRecall.Requested)
                     .Select(p => new { p.RecallReason, p.RecallRequestedAt }).FirstOrDefaultAsync(cancellationToken) is { } recall)
        {
            fields.Add(new("Yêu cầu thu hồi", $"Cơ quan gửi yêu cầu thu hồi văn bản lúc {(recall.RecallRequestedAt is { } at ? VietnamTime.Format(at) : "—")}. "
                + $"Lý do: {recall.RecallReason}. Văn thư đồng ý hoặc từ chối tại “Chờ tiếp nhận”."));
        }

        var anyActive = document.Assignments.Any(a => a.Status.IsActive());
        return new Response(
            document.Id, document.ArrivalNumber, document.Year, m.Subject, m.CodeText, m.IssuingOrganName,
            m.Urgency.ToString(), UrgencyNames.Name(m.Urgency), m.Urgency >= Urgency.Urgent,
            IncomingNames.Json(document.Status), StatusNameOf(document), m.DueDate,
            Deadline(m.DueDate, document.Status == IncomingStatus.InProgress && anyActive, document.FinishedAt, document.Status == IncomingStatus.Finished),
            m.RequestsComments, document.ReturnedToClerk, document.DossierTitle, document.Version,
            fields.Where(f => f.Value.Length > 0).ToList(),
            document.Attachments.OrderBy(a => a.SortOrder).Select(a => File(a.FileId, a.FileName, a.IsMain)).ToList(),
            replies.Select(r => new ReplyDto(r.Id, r.Title, r.CreatedByName, r.CreatedAt, r.OutgoingCode,
                $"Trả lời bởi {(r.OutgoingCode is null ? $"văn bản \"{r.Title}\" (đang soạn)" : $"văn bản số {r.OutgoingCode}")}, {r.CreatedByName}")).ToList(),
            document.Assignments.Where(a => a.ParentId is null).OrderBy(a => a.SentAt).Select(Node).ToList(),
            document.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new EventDto(e.Id, e.At, e.Kind, IncomingEventKinds.Name(e.Kind), e.ActorName,
                e.OnBehalfOfName, e.Text, e.FileId is { } f ? File(f, fileNames.GetValueOrDefault(f) ?? "Tệp đính kèm", false) : null)).ToList(),
            ActionsFor(viewer, document),
            ReturnedFor(viewer, document));
    }

    /// <summary>The return that brought the viewer's open part back to them; otherwise the one that sent the document back to its clerks.</summary>
    private static IncomingReturn? ReturnedFor(IIncomingParty viewer, IncomingDocument document) =>
        document.Held(viewer).Select(h => h.Assignment).FirstOrDefault(a => a.Status == AssignmentStatus.Open && a.CameBack) is { } back
            ? IncomingReturn.LatestTo(document.Assignments, back.Id)
            : document.ReturnedToClerk ? IncomingReturn.LatestTo(document.Assignments, null) : null;

    /// <summary>
    /// Every action of a document page, each with the check of the aggregate that guards the action itself: the page
    /// offers exactly the actions whose check passes, and the action refuses exactly when its check fails.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name, string Path, Func<IncomingDocument, IIncomingParty, BrokenRule?> Check)> Actions { get; } =
    [
        ("present", "Trình", "trinh", (d, v) => d.CanPresent(v)),
        ("receive", "Tiếp nhận vào sổ đơn vị", "tiep-nhan", (d, v) => d.CanReceive(v)),
        ("confirm", "Xác nhận kết quả", "xac-nhan", (d, v) => d.CanConfirmResult(v)),
        ("rework", "Yêu cầu xử lý lại", "xu-ly-lai", (d, v) => d.CanConfirmResult(v)),
        ("forward", "Chuyển xử lý", "chuyen", (d, v) => d.CanForward(v)),
        ("return", "Trả lại", "tra-lai", (d, v) => d.CanReturn(v)),
        ("feedback", "Góp ý", "gop-y", (d, v) => d.CanGiveFeedback(v)),
        ("finish", "Hoàn thành", "ket-thuc", (d, v) => d.CanFinish(v)),
        ("opinion", "Thêm ý kiến", "y-kien", (d, v) => d.CanAddOpinion(v)),
        ("revoke", "Thu hồi / phân công lại", "thu-hoi", (d, v) => d.CanRevoke(v)),
        ("reply", "Trả lời", "tra-loi", (d, v) => d.CanReply(v)),
        ("grant", "Chia sẻ", "chia-se", (d, v) => d.CanGrant(v)),
        ("edit", "Sửa, bổ sung tệp", "sua", (d, v) => d.CanEdit(v)),
    ];

    /// <summary>The actions <paramref name="viewer"/> may take on <paramref name="document"/> now.</summary>
    public static IReadOnlyList<ActionDto> ActionsFor(IIncomingParty viewer, IncomingDocument document)
    {
        var url = $"/van-ban-den/{document.Id}";
        var finish = FinishName(viewer, document);
        return Actions.Where(a => a.Check(document, viewer) is null)
            .Select(a => new ActionDto(a.Code, a.Code == "finish" ? finish : a.Name, $"{url}/{a.Path}"))
            .ToList();
    }

    /// <summary>
    /// The one name of the finishing action, on the button, the page title and the submit button alike: "Kết thúc" when
    /// all the viewer holds is for information (there is no result to give), "Hoàn thành" otherwise.
    /// </summary>
    public static string FinishName(IHandlingParty viewer, IncomingDocument document)
    {
        var held = document.Held(viewer);
        return held.Count > 0 && held.All(h => h.Assignment.Role == AssignmentRole.ForInformation) ? "Kết thúc" : "Hoàn thành";
    }

    private static FileDto File(Guid fileId, string name, bool isMain) => new(fileId, name, isMain, $"/api/v1/files/{fileId}");

    private async Task<Dictionary<Guid, string>> FileNamesAsync(IncomingDocument document, CancellationToken cancellationToken)
    {
        var ids = document.Events.Where(e => e.FileId is not null).Select(e => e.FileId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await handling.Db.Set<Platform.Storage.StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incoming/{id:guid}", async Task<Ok<Response>> (Guid id, GetIncomingDocument handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIncomingDocument")
            .WithSummary("Chi tiết văn bản đến: thông tin, tệp, cây xử lý, lịch sử và các thao tác được phép.");
}
