using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>What an action on an outgoing document answers: where it stands now.</summary>
public sealed record OutgoingActionResult(Guid Id, string Status, int CurrentStep, string StepName, string? HolderName, int Version)
{
    public static OutgoingActionResult Of(OutgoingDocument d) =>
        new(d.Id, OutgoingDocument.StatusName(d.Status), d.CurrentStep, d.Current.Name, d.CurrentHop?.RecipientName, d.VersionNumber);
}

/// <summary>
/// The actions along the approval chain (trình duyệt), each a thin handler over the aggregate: submit, approve and pass
/// on, approve for signature (signed digitally, or on paper with the scan attached), return to the drafter or the previous step,
/// recall one's own submission before the next person acts, ask for comments and answer them. Routes under
/// <c>/api/v1/documents/outgoing/{id}/…</c>; pages call the same handlers.
/// </summary>
public sealed class OutgoingReview(OutgoingHandling handling, OutgoingChainHolders holders, OutgoingDigitalSignatures digital)
{
    public sealed record SubmitRequest(Guid? RecipientId, int? ToStep, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.MaxLength("note", Note, Assignment.InstructionMaxLength, "Ý kiến");
            return errors;
        }
    }

    public sealed record ApproveRequest(Guid? RecipientId, int? ToStep, Guid? AddedReviewerId, string? Opinion) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.MaxLength("opinion", Opinion, Assignment.InstructionMaxLength, "Ý kiến");
            return errors;
        }
    }

    public sealed record SignRequest(Guid? SignedFileId, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (SignedFileId is null)
            {
                errors["signedFileId"] = ["Vui lòng đính kèm bản quét văn bản đã ký trên giấy."];
            }

            errors.MaxLength("note", Note, Assignment.InstructionMaxLength, "Ý kiến");
            return errors;
        }
    }

    /// <param name="CertificateId">The signer's certificate; none: the only one they may use.</param>
    /// <param name="Pin">The token's PIN (PKCS#11 certificates); used once, never kept.</param>
    /// <param name="Placement">Where the signature image goes, dragged on the page; none: the layout's signature block.</param>
    /// <param name="Note">The signer's opinion.</param>
    /// <param name="Token">Completes a signature begun at <c>sign-digitally/begin</c> (remote service, local agent): its session.</param>
    /// <param name="SignatureValue">The local agent's signature value over the session's hash, base64.</param>
    public sealed record SignDigitallyRequest(Guid? CertificateId, [property: AsTyped] string? Pin, DraggedBox? Placement, string? Note,
        [property: AsTyped] string? Token = null, [property: AsTyped] string? SignatureValue = null) : IValidatableRequest
    {
        public const int TokenMaxLength = 32 * 1024;

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.MaxLength("pin", Pin, 64, "Mã PIN");
            errors.MaxLength("note", Note, Assignment.InstructionMaxLength, "Ý kiến");
            errors.MaxLength("token", Token, TokenMaxLength, "Phiên ký số");
            errors.MaxLength("signatureValue", SignatureValue, 4096, "Chữ ký");
            if (SignatureValue is { Length: > 0 } && Value() is null)
            {
                errors["signatureValue"] = ["Chữ ký do phần mềm ký số trả về không đúng định dạng (base64)."];
            }

            return errors;
        }

        /// <summary>The decoded signature value; null when absent or not base64.</summary>
        public byte[]? Value()
        {
            if (SignatureValue is not { Length: > 0 } text)
            {
                return null;
            }

            var buffer = new byte[text.Length];
            return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
        }
    }

    /// <param name="CertificateId">A remote-service or local-agent certificate of the signer; none: the only one they may use.</param>
    /// <param name="Placement">As for <see cref="SignDigitallyRequest"/>; the same must come with the completion.</param>
    public sealed record BeginSignDigitallyRequest(Guid? CertificateId, DraggedBox? Placement) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => [];
    }

    /// <summary>The answer while a remote signature waits for the phone: poll again with the same request.</summary>
    public sealed record SigningPending(string State, string Message);

    public sealed record SendBackRequest(bool ToPrevious, string? Opinion) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Opinion))
            {
                errors["opinion"] = ["Vui lòng nhập ý kiến khi trả lại."];
            }

            errors.MaxLength("opinion", Opinion, Assignment.InstructionMaxLength, "Ý kiến");
            return errors;
        }
    }

    public sealed record RecallRequest(string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.MaxLength("reason", Reason, Assignment.ReasonMaxLength, "Lý do");
            return errors;
        }
    }

    public sealed record ConsultedInput(Guid? UnitId, Guid? UserId, DateOnly? DueDate, int? DueInWorkingDays);

    public sealed record ConsultRequest(List<ConsultedInput> Targets, string? Request) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Targets is not { Count: > 0 })
            {
                errors["targets"] = ["Vui lòng chọn ít nhất một đơn vị hoặc cá nhân để xin ý kiến."];
            }
            else if (Targets.Any(t => (t.UnitId is null) == (t.UserId is null)))
            {
                errors["targets"] = ["Mỗi nơi xin ý kiến là một đơn vị hoặc một cá nhân."];
            }
            else if (Targets.Any(t => t.DueInWorkingDays is < 1 or > 60))
            {
                errors["targets"] = ["Hạn góp ý từ 1 đến 60 ngày làm việc."];
            }

            errors.MaxLength("request", Request, Assignment.InstructionMaxLength, "Nội dung xin ý kiến");
            return errors;
        }
    }

    public sealed record TextRequest(string? Text, Guid? FileId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Text))
            {
                errors["text"] = ["Vui lòng nhập nội dung."];
            }

            errors.MaxLength("text", Text, TimelineEntry.TextMaxLength, "Nội dung");
            return errors;
        }
    }

    public async Task<OutgoingActionResult> SubmitAsync(Guid id, SubmitRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanSubmit(viewer).ThrowIfBroken();
        var step = document.StepAt(request.ToStep ?? document.ResumeAt ?? 2);
        var holder = await holders.HolderAsync(document, step, request.RecipientId, "recipientId", cancellationToken);
        document.Submit(viewer, holder, request.ToStep, DocumentMetadata.Clean(request.Note), handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.submit", $"Trình {OutgoingHandling.Title(document)} đến {holder.Name}.", cancellationToken);
    }

    public async Task<OutgoingActionResult> ApproveAsync(Guid id, ApproveRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanApprove(viewer).ThrowIfBroken();
        ChainStep? added = null;
        ChainStep next;
        if (request.AddedReviewerId is { } reviewerId)
        {
            var person = await holders.CandidatesAsync(document, new ChainStep(0, ChainStepKind.Person, "", UserId: reviewerId), cancellationToken);
            var reviewer = person.FirstOrDefault() ?? throw RuleException.Invalid("Người được thêm không thuộc cơ quan.", "addedReviewerId");
            added = new ChainStep(0, ChainStepKind.Person, $"Xem xét: {reviewer.Name}", UserId: reviewer.UserId, UserName: reviewer.Name);
            next = added;
        }
        else
        {
            next = document.StepAt(request.ToStep ?? document.CurrentStep + 1);
        }

        var holder = await holders.HolderAsync(document, next, added?.UserId ?? request.RecipientId, "recipientId", cancellationToken);
        var step = document.Current.Name;
        document.Approve(viewer, holder, request.ToStep, added, DocumentMetadata.Clean(request.Opinion), handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.approve", $"Duyệt ({step}) {OutgoingHandling.Title(document)}, chuyển {holder.Name}.",
            cancellationToken);
    }

    public async Task<OutgoingActionResult> SignAsync(Guid id, SignRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanSign(viewer).ThrowIfBroken();
        var file = await handling.OwnFileAsync(request.SignedFileId!.Value, viewer.UserId, [], "signedFileId", cancellationToken);
        document.SignOnPaper(viewer, file, DocumentMetadata.Clean(request.Note), handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.sign", $"Duyệt ký (bản giấy) {OutgoingHandling.Title(document)}.", cancellationToken);
    }

    /// <summary>
    /// Duyệt ký with a digital signature: the leader holding the signing step signs the PDF of the final version's
    /// layout with their own certificate; the document goes to the clerks of the register to issue.
    /// </summary>
    /// <remarks>
    /// With <see cref="SignDigitallyRequest.Token"/> it completes a signature begun by <see cref="BeginSignDigitallyAsync"/>
    /// and answers null while the remote service's person has not yet approved on the phone.
    /// </remarks>
    public async Task<OutgoingActionResult?> SignDigitallyAsync(Guid id, SignDigitallyRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanSign(viewer).ThrowIfBroken();
        var pdf = await digital.LayoutPdfAsync(document, cancellationToken);
        var box = await digital.LeaderBoxAsync(document, pdf, request.Placement, cancellationToken);
        var signed = request.Token is { Length: > 0 } token
            ? await digital.CompleteAsLeaderAsync(document, pdf, box, request.CertificateId, token, request.Value(), cancellationToken)
            : await digital.SignAsLeaderAsync(document, pdf, box, request.CertificateId, request.Pin, cancellationToken);
        if (signed is null)
        {
            return null;
        }

        var certificate = $"{signed.CertificateSubject} · số hiệu {signed.SerialNumber}";
        document.SignDigitally(viewer, new VersionFile(signed.FileId, signed.FileName), certificate, box, DocumentMetadata.Clean(request.Note), handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.sign-digitally",
            $"Ký số {OutgoingHandling.Title(document)} bằng chứng thư số {certificate}.", cancellationToken);
    }

    /// <summary>
    /// The first half of Duyệt ký with a certificate whose key is not on the server: the remote service is asked to have
    /// the leader approve on the phone, or the page gets the hash for the local agent; then <see cref="SignDigitallyAsync"/>
    /// with the session's token.
    /// </summary>
    public async Task<DeferredSignature> BeginSignDigitallyAsync(Guid id, BeginSignDigitallyRequest request, CancellationToken cancellationToken)
    {
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanSign(await handling.ViewerAsync(cancellationToken)).ThrowIfBroken();
        var pdf = await digital.LayoutPdfAsync(document, cancellationToken);
        var box = await digital.LeaderBoxAsync(document, pdf, request.Placement, cancellationToken);
        return await digital.BeginAsLeaderAsync(document, pdf, box, request.CertificateId, cancellationToken);
    }

    public async Task<OutgoingActionResult> SendBackAsync(Guid id, SendBackRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.SendBack(viewer, request.ToPrevious, DocumentMetadata.Clean(request.Opinion)!, handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.return", $"Trả lại {OutgoingHandling.Title(document)}: {request.Opinion}", cancellationToken);
    }

    public async Task<OutgoingActionResult> RecallAsync(Guid id, RecallRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.RecallSubmission(viewer, DocumentMetadata.Clean(request.Reason), handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.recall", $"Rút lại {OutgoingHandling.Title(document)}.", cancellationToken);
    }

    public async Task<OutgoingActionResult> CancelAsync(Guid id, RecallRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.Cancel(viewer, DocumentMetadata.Clean(request.Reason) ?? "Không ghi lý do.", handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.cancel", $"Hủy {OutgoingHandling.Title(document)}.", cancellationToken);
    }

    public async Task<OutgoingActionResult> ConsultAsync(Guid id, ConsultRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanConsult(viewer).ThrowIfBroken();
        var candidates = await holders.ConsultableAsync(document.AgencyId, cancellationToken);
        var targets = new List<AssignmentTarget>();
        foreach (var t in request.Targets)
        {
            var due = handling.DueDateOf(t.DueDate, t.DueInWorkingDays ?? 2);
            if (due < handling.Today)
            {
                throw RuleException.Invalid("Hạn góp ý không được trước hôm nay.", "targets");
            }

            var name = candidates.GetValueOrDefault(t.UnitId ?? t.UserId!.Value) ?? throw RuleException.Invalid("Nơi xin ý kiến không thuộc cơ quan.", "targets");
            targets.Add(t.UnitId is { } unit
                ? AssignmentTarget.Unit(unit, name, AssignmentRole.Support, due)
                : AssignmentTarget.Person(t.UserId!.Value, name, AssignmentRole.Support, due));
        }

        document.Consult(viewer, targets, DocumentMetadata.Clean(request.Request), handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.consult",
            $"Xin ý kiến góp ý {OutgoingHandling.Title(document)}: {string.Join(", ", targets.Select(t => t.Name))}.", cancellationToken);
    }

    public async Task<OutgoingActionResult> FeedbackAsync(Guid id, TextRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var consultation = document.Held(viewer).FirstOrDefault(h => h.Assignment.ParentId is not null);
        if (consultation.Assignment is null)
        {
            throw RuleException.Conflict("Không có yêu cầu góp ý nào đang chờ bạn.");
        }

        await EnsureOwnFileAsync(request.FileId, viewer.UserId, cancellationToken);
        document.GiveFeedback(viewer, consultation.Assignment.Id, DocumentMetadata.Clean(request.Text)!, request.FileId, handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.feedback", $"Góp ý {OutgoingHandling.Title(document)}.", cancellationToken);
    }

    public async Task<OutgoingActionResult> OpinionAsync(Guid id, TextRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        await EnsureOwnFileAsync(request.FileId, viewer.UserId, cancellationToken);
        document.AddOpinion(viewer, null, DocumentMetadata.Clean(request.Text)!, request.FileId, handling.Now);
        return await DoneAsync(document, viewer.Self, "documents.outgoing.opinion", $"Ý kiến về {OutgoingHandling.Title(document)}.", cancellationToken);
    }

    private async Task EnsureOwnFileAsync(Guid? fileId, Guid userId, CancellationToken cancellationToken)
    {
        if (fileId is { } f)
        {
            await handling.OwnFileAsync(f, userId, [], "fileId", cancellationToken);
        }
    }

    private async Task<OutgoingActionResult> DoneAsync(OutgoingDocument document, Actor actor, string action, string details, CancellationToken cancellationToken)
    {
        await handling.CommitAsync(document, actor, action, details, cancellationToken);
        return OutgoingActionResult.Of(document);
    }

    /// <summary>What the page shows while the phone has not answered.</summary>
    public const string PendingMessage = "Đang chờ bạn xác nhận ký trên ứng dụng ký số từ xa trên điện thoại…";

    internal static void Map(RouteGroupBuilder group)
    {
        static RouteHandlerBuilder Describe(RouteHandlerBuilder b, string name, string summary) =>
            b.RequireAuthorization(Policies.For(DocumentsPermissions.DraftOutgoing))
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .WithName(name)
                .WithSummary(summary);

        Describe(group.MapPost("/outgoing/{id:guid}/submit", async Task<Ok<OutgoingActionResult>> (Guid id, SubmitRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.SubmitAsync(id, request, ct))), "SubmitOutgoing", "Trình dự thảo văn bản đi.");
        Describe(group.MapPost("/outgoing/{id:guid}/approve", async Task<Ok<OutgoingActionResult>> (Guid id, ApproveRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.ApproveAsync(id, request, ct))), "ApproveOutgoing", "Duyệt dự thảo ở bước hiện tại và chuyển bước tiếp theo.");
        Describe(group.MapPost("/outgoing/{id:guid}/sign-on-paper", async Task<Ok<OutgoingActionResult>> (Guid id, SignRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.SignAsync(id, request, ct))), "SignOutgoingOnPaper", "Duyệt ký (ký trên giấy, đính kèm bản quét) và chuyển văn thư phát hành.");
        Describe(group.MapPost("/outgoing/{id:guid}/sign-digitally", async Task<Results<Ok<OutgoingActionResult>, Accepted<SigningPending>>> (Guid id, SignDigitallyRequest request,
            OutgoingReview h, CancellationToken ct) =>
            await h.SignDigitallyAsync(id, request, ct) is { } done
                ? TypedResults.Ok(done)
                : TypedResults.Accepted((string?)null, new SigningPending("pending", PendingMessage))).ProducesProblem(StatusCodes.Status403Forbidden),
            "SignOutgoingDigitally",
            "Duyệt ký bằng chữ ký số của người có thẩm quyền (ảnh chữ ký tại ô ký) và chuyển văn thư phát hành; với token: hoàn tất chữ ký đã bắt đầu (202 khi chưa xác nhận trên điện thoại).");
        Describe(group.MapPost("/outgoing/{id:guid}/sign-digitally/begin", async Task<Ok<DeferredSignature>> (Guid id, BeginSignDigitallyRequest request, OutgoingReview h,
            CancellationToken ct) => TypedResults.Ok(await h.BeginSignDigitallyAsync(id, request, ct))).ProducesProblem(StatusCodes.Status403Forbidden),
            "BeginSigningOutgoingDigitally",
            "Bắt đầu ký số bằng dịch vụ ký số từ xa (xác nhận trên điện thoại) hoặc phần mềm ký số trên máy người ký.");
        Describe(group.MapPost("/outgoing/{id:guid}/return", async Task<Ok<OutgoingActionResult>> (Guid id, SendBackRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.SendBackAsync(id, request, ct))), "ReturnOutgoing", "Trả lại người soạn thảo hoặc bước trước, kèm ý kiến.");
        Describe(group.MapPost("/outgoing/{id:guid}/recall", async Task<Ok<OutgoingActionResult>> (Guid id, RecallRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.RecallAsync(id, request, ct))), "RecallOutgoingSubmission", "Rút lại văn bản đã trình khi người nhận chưa xử lý.");
        Describe(group.MapPost("/outgoing/{id:guid}/cancel", async Task<Ok<OutgoingActionResult>> (Guid id, RecallRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.CancelAsync(id, request, ct))), "CancelOutgoing", "Hủy dự thảo chưa trình.");
        Describe(group.MapPost("/outgoing/{id:guid}/consult", async Task<Ok<OutgoingActionResult>> (Guid id, ConsultRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.ConsultAsync(id, request, ct))), "ConsultOutgoing", "Xin ý kiến góp ý song song của đơn vị, cá nhân.");
        Describe(group.MapPost("/outgoing/{id:guid}/feedback", async Task<Ok<OutgoingActionResult>> (Guid id, TextRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.FeedbackAsync(id, request, ct))), "GiveOutgoingFeedback", "Gửi ý kiến góp ý dự thảo.");
        Describe(group.MapPost("/outgoing/{id:guid}/opinions", async Task<Ok<OutgoingActionResult>> (Guid id, TextRequest request, OutgoingReview h, CancellationToken ct) =>
            TypedResults.Ok(await h.OpinionAsync(id, request, ct))), "AddOutgoingOpinion", "Thêm ý kiến vào dự thảo.");
    }
}
