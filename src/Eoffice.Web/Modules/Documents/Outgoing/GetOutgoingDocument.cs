using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Conversion;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// One outgoing document as the viewer may see it: its fields, the chain with where it stands, the requests for comments
/// and their answers, every version with what changed, the layout and its PDF view, the recipients and their sending
/// state, the linked documents (answered incoming documents, replaced or corrected ones), the history, and the actions
/// the viewer may take now with the people each next step may go to. Opening it marks the viewer's open parts read and
/// their notifications about it, and is audited. <c>GET /api/v1/documents/outgoing/{id}</c>, page /van-ban-di/{id}.
/// Anyone else: 404.
/// </summary>
public sealed class GetOutgoingDocument(
    OutgoingHandling handling,
    OutgoingChainHolders holders,
    IncomingAccessControl incoming,
    PdfRenditions renditions,
    INotificationReads notificationReads)
{
    public sealed record Field(string Label, string Value);

    public sealed record FileDto(Guid FileId, string FileName, string Url);

    /// <summary>A step of the chain: done (by whom, when, with what opinion), current (with whom) or still ahead.</summary>
    public sealed record StepDto(int Number, string Name, string KindName, string State, string StateName, string? HolderName, string? ActedByName,
        DateTime? SentAt, DateTime? FinishedAt, string? Result, bool CanSkip, string? Approval);

    /// <summary>A request for comments and its answer.</summary>
    public sealed record ConsultationDto(Guid Id, string SenderName, string RecipientName, string? Request, DateOnly? DueDate, string StatusName,
        DateTime SentAt, DateTime? AnsweredAt, string? AnsweredByName, string? Answer, bool IsOverdue);

    public sealed record VersionDto(int Number, DateTime At, string ByName, string? Reason, FileDto? Main, IReadOnlyList<FileDto> Annexes, FileDto? Layout,
        IReadOnlyList<string> Changes);

    public sealed record PdfDto(string State, string? Url, string? Message);

    public sealed record RecipientDto(Guid Id, string Kind, string Name, string? OrganCode, string ChannelName, string State, string StateName,
        DateTime? SentAt, string? Note, Guid? DeliveredAsId);

    public sealed record LinkDto(Guid Id, string Title, string Url);

    public sealed record EventDto(long Id, DateTime At, string Kind, string KindName, string ActorName, string? OnBehalfOfName, string? Text, FileDto? File);

    public sealed record ActionDto(string Code, string Name, string Url);

    /// <summary>Where the draft may go next: a step and the people who may hold it.</summary>
    public sealed record NextStepDto(int Number, string Name, bool IsDefault, IReadOnlyList<StepCandidate> Candidates);

    public sealed record Response(
        Guid Id,
        string Status,
        string StatusName,
        string? Code,
        string TypeName,
        string Subject,
        int VersionNumber,
        int Version,
        int CurrentStep,
        string? CurrentStepName,
        string? HolderName,
        bool ReturnedToDrafter,
        IReadOnlyList<Field> Fields,
        OutgoingInput Draft,
        IReadOnlyList<StepDto> Chain,
        IReadOnlyList<ConsultationDto> Consultations,
        IReadOnlyList<VersionDto> Versions,
        PdfDto? Pdf,
        FileDto? SignedCopy,
        bool SignedDigitally,
        FileDto? IssuedOriginal,
        IReadOnlyList<FileDto> IssuedAnnexes,
        IReadOnlyList<RecipientDto> Recipients,
        IReadOnlyList<LinkDto> Answers,
        IReadOnlyList<LinkDto> Related,
        IReadOnlyList<EventDto> Timeline,
        IReadOnlyList<ActionDto> Actions,
        IReadOnlyList<NextStepDto> NextSteps,
        SignatureBox? SignaturePlacement);

    public async Task<Response> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.MarkRead(viewer.UserId, viewer.IsAddressedTo, handling.Now);
        foreach (var delegation in viewer.Delegations)
        {
            document.MarkRead(delegation.DelegatorId, a => a.RecipientUserId == delegation.DelegatorId, handling.Now);
        }

        await handling.UnitOfWork.CommitAsync(ct => notificationReads.MarkReadAboutAsync(document.Id, ct),
            _ => new AuditEvent("documents.outgoing.view", OutgoingHandling.AuditObjectType, document.Id.ToString(),
                Details: $"Xem {OutgoingHandling.Title(document)}."), cancellationToken, OutgoingHandling.ConflictMessage);

        var register = await handling.Db.Set<Register>().AsNoTracking().Where(r => r.Id == document.RegisterId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var fileNames = await FileNamesAsync(document, cancellationToken);
        var today = handling.Today;
        var m = document.Metadata;
        var fields = new List<Field>
        {
            new("Sổ văn bản đi", register ?? ""),
            new("Số, ký hiệu", document.Number is null ? "" : document.CodeText),
            new("Ngày ban hành", m.IssuedDate is { } issued ? VietnamTime.FormatDate(issued) : ""),
            new("Loại văn bản", m.TypeName),
            new("Trích yếu", m.Subject),
            new("Đơn vị soạn thảo", document.DraftingUnitName),
            new("Người soạn thảo", document.DrafterName),
            new("Quyền hạn ký", SigningAuthorities.Name(document.Authority)),
            new("Người ký", string.Join(", ", new[] { m.SignerFullName, m.SignerPosition }.Where(s => !string.IsNullOrEmpty(s)))),
            new("Độ khẩn", UrgencyNames.Name(m.Urgency)),
            new("Độ mật", "Thường"),
            new("Hạn trả lời", m.DueDate is { } due ? VietnamTime.FormatDate(due) : ""),
            new("Số trang", m.PageAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Số lượng bản", document.Copies.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Văn bản quy phạm pháp luật", document.IsNormative ? "Có" : ""),
            new("Kính gửi", string.Join("; ", document.Addressees)),
            new("Nơi nhận", string.Join("\n", document.RecipientLines)),
            new("Duyệt nội dung", Approval(document.ContentApprovedByName, document.ContentApprovedAt)),
            new("Duyệt thể thức", Approval(document.FormatApprovedByName, document.FormatApprovedAt)),
            new("Ký duyệt", Approval(document.SignedByName, document.SignedAt)),
            new("Chữ ký số", document.SignerCertificate ?? ""),
            new("Mã xác thực", document.VerificationCode is { } code ? PublicVerification.Display(code) : ""),
            new("Phát hành", Approval(document.IssuedByName, document.IssuedAt)),
            new("Phát hành bản giấy", document.PaperCopies is { } copies
                ? $"{copies} bản, đóng dấu ngày {VietnamTime.FormatDate(document.PaperIssuedOn!.Value)}{(document.PaperNote is null ? "" : $". {document.PaperNote}")}" : ""),
            new("Thu hồi", document.WithdrawnAt is { } w ? $"{VietnamTime.Format(w)}: {document.WithdrawReason}" : ""),
            new("Hủy dự thảo", document.CancelledAt is { } c ? $"{VietnamTime.Format(c)}: {document.CancelReason}" : ""),
            new("Ghi chú", m.Description ?? ""),
        };

        var current = document.CurrentHop;
        var hops = document.Assignments.Where(a => a.ParentId is null).OrderBy(a => a.SentAt).ToList();
        var chain = document.Chain.Select(s =>
        {
            var last = hops.LastOrDefault(h => h.StepNumber == s.Number);
            var isCurrent = document.Status switch
            {
                OutgoingStatus.InReview => s.Number == document.CurrentStep,
                OutgoingStatus.ToIssue => s.Number == document.Chain[^1].Number,
                OutgoingStatus.Drafting => s.Number == 1,
                _ => false,
            };
            var done = !isCurrent && (last?.Status == AssignmentStatus.Done || (s.Number == 1 && document.Status != OutgoingStatus.Drafting)
                || (s.Number == document.Chain[^1].Number && document.Status is OutgoingStatus.Issued or OutgoingStatus.Recalled));
            var (state, name) = isCurrent ? ("current", "Đang xử lý") : done ? ("done", "Đã xong") : last is not null ? ("passed", HandlingNames.Name(last.Status)) : ("ahead", "Chưa đến");
            var holder = s.Number == 1 ? document.DrafterName
                : s.Number == document.Chain[^1].Number ? document.IssuedByName ?? "Văn thư"
                : last?.RecipientName;
            return new StepDto(s.Number, s.Name, OutgoingProcess.KindName(s.Kind), state, name, holder, last?.ActedByName, last?.SentAt, last?.FinishedAt,
                last?.Result, s.CanSkip, s.Records switch { StepApproval.Content => "Duyệt nội dung", StepApproval.Format => "Duyệt thể thức", _ => null });
        }).ToList();

        var consultations = document.Assignments.Where(a => a.ParentId is not null).OrderBy(a => a.SentAt).Select(a => new ConsultationDto(
            a.Id, a.SenderName, a.RecipientName, a.Instruction, a.DueDate, HandlingNames.Name(a.Status), a.SentAt, a.FinishedAt, a.ActedByName,
            document.Events.Where(e => e.AssignmentId == a.Id && e.Kind == HandlingEventKinds.Feedback).OrderBy(e => e.At).LastOrDefault()?.Text ?? a.Result,
            a.Status.IsActive() && a.DueDate is { } d && d < today)).ToList();

        var versions = new List<VersionDto>();
        OutgoingVersion? previous = null;
        foreach (var v in document.Versions.OrderBy(v => v.Number))
        {
            var changes = previous is null ? (IReadOnlyList<string>)[]
                : OutgoingDocument.ContentOf(previous.ContentJson) is { } before && OutgoingDocument.ContentOf(v.ContentJson) is { } after
                    ? OutgoingDocument.Differences(before, after, previous, v.MainFileId is { } mf ? new VersionFile(mf, v.MainFileName ?? "") : null, v.Annexes)
                    : [];
            versions.Add(new VersionDto(v.Number, v.At, v.ByName, v.Reason, v.MainFileId is { } main ? File(main, v.MainFileName ?? "Tệp dự thảo") : null,
                [.. v.Annexes.Select(a => File(a.FileId, a.FileName))], v.LayoutFileId is { } layout ? File(layout, fileNames.GetValueOrDefault(layout) ?? "Thể thức.docx") : null,
                changes));
            previous = v;
        }

        PdfDto? pdf = null;
        if (document.CurrentVersion.LayoutFileId is { } layoutId)
        {
            var view = await renditions.StatusAsync(layoutId, cancellationToken);
            pdf = new PdfDto(view.State.ToString(), view.PdfFileId is { } p ? $"/api/v1/files/{p}" : null, view.State switch
            {
                PdfViewState.Pending or PdfViewState.NotRequested => "Đang tạo bản PDF; bản xem hiện ra ở đây khi xong, hoặc tải tệp .docx.",
                _ => view.Message,
            });
        }

        var answers = await AnswersAsync(document.Id, cancellationToken);
        var related = await RelatedAsync(document, cancellationToken);
        return new Response(
            document.Id, document.Status.ToString(), OutgoingDocument.StatusName(document.Status), document.Number is null ? null : document.CodeText,
            m.TypeName, m.Subject, document.VersionNumber, document.Version, document.CurrentStep,
            document.Status is OutgoingStatus.InReview or OutgoingStatus.ToIssue ? document.Current.Name : null,
            document.Status == OutgoingStatus.ToIssue ? "Văn thư" : current?.RecipientName,
            document.Status == OutgoingStatus.Drafting && document.ResumeAt is not null,
            fields.Where(f => f.Value.Length > 0).ToList(),
            OutgoingInput.From(document),
            chain,
            consultations,
            versions,
            pdf,
            document.SignedFileId is { } signed ? File(signed, document.SignedFileName ?? "Bản ký") : null,
            document.SignedDigitally,
            document.IssuedFileId is { } original ? File(original, document.IssuedFileName ?? "Bản phát hành") : null,
            [.. document.IssuedAnnexes.Select(a => File(a.FileId, a.FileName))],
            document.Recipients.OrderBy(r => r.SortOrder).Select(r => new RecipientDto(r.Id, r.Kind.ToString().ToLowerInvariant(), r.Name, r.OrganCode,
                OutgoingDocument.SendingName(r.Channel), r.State.ToString(), OutgoingDocument.StateName(r.State), r.SentAt, r.Note, r.DeliveredAsId)).ToList(),
            answers,
            related,
            document.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new EventDto(e.Id, e.At, e.Kind, OutgoingEventKinds.Name(e.Kind), e.ActorName,
                e.OnBehalfOfName, e.Text, e.FileId is { } f ? File(f, fileNames.GetValueOrDefault(f) ?? "Tệp đính kèm") : null)).ToList(),
            ActionsFor(viewer, document),
            await NextStepsAsync(viewer, document, cancellationToken),
            SignatureBox.Parse(document.SignaturePlacement));
    }

    /// <summary>
    /// Every action of the document page with the aggregate's check that guards it: the page offers exactly the actions
    /// whose check passes, and the action refuses exactly when its check fails.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name, string Path, Func<OutgoingDocument, OutgoingViewer, BrokenRule?> Check)> Actions { get; } =
    [
        ("edit", "Sửa dự thảo", "sua", (d, v) => d.CanRevise(v)),
        ("submit", "Trình", "trinh", (d, v) => d.CanSubmit(v)),
        ("approve", "Duyệt và chuyển", "duyet", (d, v) => d.CanApprove(v)),
        ("sign", "Duyệt ký", "duyet-ky", (d, v) => d.CanSign(v)),
        ("return", "Trả lại", "tra-lai", (d, v) => d.CanSendBack(v)),
        ("consult", "Xin ý kiến góp ý", "xin-y-kien", (d, v) => d.CanConsult(v)),
        ("feedback", "Góp ý", "gop-y", (d, v) => d.Status == OutgoingStatus.InReview ? d.CanGiveFeedback(v) : BrokenRule.Conflict("")),
        ("recall", "Rút lại", "rut-lai", (d, v) => d.CanRecallSubmission(v)),
        ("issue", "Cấp số, phát hành", "phat-hanh", (d, v) => d.CanIssue(v)),
        ("send", "Ghi nhận gửi, bản giấy", "gui", (d, v) => d.CanRecordSending(v)),
        ("withdraw", "Thu hồi văn bản", "thu-hoi", (d, v) => d.CanWithdraw(v)),
        ("replace", "Soạn văn bản thay thế, đính chính", "thay-the", (d, v) => d.Status == OutgoingStatus.Issued && d.ReplacedById is null ? null : BrokenRule.Conflict("")),
        ("cancel", "Hủy dự thảo", "huy", (d, v) => d.CanCancel(v)),
        ("opinion", "Thêm ý kiến", "y-kien", (d, v) => d.CanAddOpinion(v)),
        ("slip", "In phiếu trình", "phieu-trinh", (_, _) => null),
    ];

    public static IReadOnlyList<ActionDto> ActionsFor(OutgoingViewer viewer, OutgoingDocument document)
    {
        var url = OutgoingHandling.Link(document.Id);
        return Actions.Where(a => a.Check(document, viewer) is null).Select(a => new ActionDto(a.Code, a.Name, $"{url}/{a.Path}")).ToList();
    }

    /// <summary>For the drafter submitting or the holder approving: the next step (default) and the later ones it may skip to, each with its candidates.</summary>
    public async Task<IReadOnlyList<NextStepDto>> NextStepsAsync(OutgoingViewer viewer, OutgoingDocument document, CancellationToken cancellationToken)
    {
        int from;
        if (document.CanSubmit(viewer) is null)
        {
            from = document.ResumeAt ?? 2;
        }
        else if (document.CanApprove(viewer) is null)
        {
            from = document.CurrentStep + 1;
        }
        else
        {
            return [];
        }

        var steps = new List<NextStepDto>();
        foreach (var step in document.Chain.Where(s => s.Number >= from && s.Number < document.Chain[^1].Number))
        {
            steps.Add(new NextStepDto(step.Number, step.Name, steps.Count == 0, await holders.CandidatesAsync(document, step, cancellationToken)));
            if (!step.CanSkip)
            {
                break;
            }
        }

        return steps;
    }

    /// <summary>The incoming documents this one answers, those the viewer may see.</summary>
    private async Task<IReadOnlyList<LinkDto>> AnswersAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var ids = await handling.Db.Set<IncomingReply>().AsNoTracking().Where(r => r.OutgoingId == documentId).Select(r => r.DocumentId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var party = await incoming.ViewerAsync(cancellationToken);
        var visible = await incoming.Visible(party).Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.ArrivalNumber, d.Year, d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.Subject }).ToListAsync(cancellationToken);
        return [.. visible.Select(d => new LinkDto(d.Id, $"Văn bản đến số {d.ArrivalNumber}/{d.Year} ({d.CodeNumber}/{d.CodeNotation}): {d.Subject}", IncomingHandling.Link(d.Id)))];
    }

    /// <summary>The documents it replaces or corrects, and the one that replaced it or corrects it, those the viewer may see.</summary>
    private async Task<IReadOnlyList<LinkDto>> RelatedAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        var ids = new[] { document.ReplacesId, document.CorrectsId, document.ReplacedById }.OfType<Guid>().ToList();
        var viewer = await handling.ViewerAsync(cancellationToken);
        var access = handling.Db.Set<OutgoingDocument>().AsNoTracking();
        var rows = await access.Where(d => d.AgencyId == document.AgencyId && (ids.Contains(d.Id) || d.CorrectsId == document.Id || d.ReplacesId == document.Id))
            .Select(d => new { d.Id, d.Number, d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.Subject, d.ReplacesId, d.CorrectsId, d.Status })
            .ToListAsync(cancellationToken);
        var links = new List<LinkDto>();
        foreach (var r in rows)
        {
            if (!await handling.Db.Set<OutgoingAccess>().AnyAsync(a => a.OwnerId == r.Id && viewer.Principals.Contains(a.PrincipalId), cancellationToken))
            {
                continue;
            }

            var code = r.Number is null ? "dự thảo" : $"{r.CodeNumber}/{r.CodeNotation}";
            var relation = r.Id == document.ReplacesId ? "Thay thế văn bản"
                : r.Id == document.CorrectsId ? "Đính chính văn bản"
                : r.ReplacesId == document.Id ? r.Status == OutgoingStatus.Issued ? "Được thay thế bởi" : "Văn bản thay thế (đang soạn)"
                : r.Status == OutgoingStatus.Issued ? "Được đính chính bởi" : "Văn bản đính chính (đang soạn)";
            links.Add(new LinkDto(r.Id, $"{relation} {code}: {r.Subject}", OutgoingHandling.Link(r.Id)));
        }

        return links;
    }

    private static string Approval(string? by, DateTime? at) => by is null || at is null ? "" : $"{by}, {VietnamTime.Format(at.Value)}";

    private static FileDto File(Guid fileId, string name) => new(fileId, name, $"/api/v1/files/{fileId}");

    private async Task<Dictionary<Guid, string>> FileNamesAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        var ids = document.Events.Where(e => e.FileId is not null).Select(e => e.FileId!.Value)
            .Concat(document.Versions.Where(v => v.LayoutFileId is not null).Select(v => v.LayoutFileId!.Value)).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await handling.Db.Set<Platform.Storage.StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/outgoing/{id:guid}", async Task<Ok<Response>> (Guid id, GetOutgoingDocument handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.DraftOutgoing))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOutgoingDocument")
            .WithSummary("Chi tiết văn bản đi: thông tin, chuỗi trình duyệt, góp ý, phiên bản, bản PDF, nơi nhận, lịch sử và các thao tác được phép.");
}
