using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

public sealed record PendingFileResponse(Guid FileId, string FileName, bool IsMain);

/// <summary>The check of the edXML package's own signature, as the clerk reads it.</summary>
public sealed record PendingPackageSignature(bool IsValid, string? Signer, string? Thumbprint, string Text)
{
    public static PendingPackageSignature? Of(PendingIncoming p) => p.PackageSignatureValid is not { } valid ? null
        : new(valid, p.PackageSigner, p.PackageThumbprint, valid
            ? "Chữ ký số của gói tin hợp lệ, khớp chứng thư số của cơ quan gửi trong danh bạ liên thông."
            : "Chữ ký số của gói tin KHÔNG hợp lệ.");
}

/// <summary>
/// The sender's recall of an arrival: <c>state</c> requested | accepted | refused, the sender's reason and time, the
/// clerk's answer (when, by whom, the reason of a refusal).
/// </summary>
public sealed record PendingRecallResponse(string State, string StateName, string? Reason, DateTime? RequestedAt, DateTime? DecidedAt, string? DecidedByName,
    string? RefusalReason)
{
    public bool IsOpen => State == "requested";

    public static PendingRecallResponse? Of(PendingIncoming p) => p.Recall switch
    {
        PendingRecall.None => null,
        PendingRecall.Requested => new("requested", "Cơ quan gửi yêu cầu thu hồi", p.RecallReason, p.RecallRequestedAt, null, null, null),
        PendingRecall.Accepted => new("accepted", "Đã đồng ý thu hồi", p.RecallReason, p.RecallRequestedAt, p.RecallDecidedAt, p.RecallDecidedByName, null),
        _ => new("refused", "Đã từ chối thu hồi", p.RecallReason, p.RecallRequestedAt, p.RecallDecidedAt, p.RecallDecidedByName, p.RecallRefusalReason),
    };
}

/// <summary>
/// An item of "Chờ tiếp nhận"; <c>channel</c> is gateway | eoffice | national-axis | email, <c>packageSignature</c> the
/// check of an edXML package's signature (null for an arrival that was no signed package), <c>status</c> waiting |
/// registered | refused | withdrawn, <c>recall</c> the sender's recall request and its answer (null without one).
/// </summary>
public sealed record PendingResponse(
    Guid Id, string? ExternalId, DocumentMetadata Document, string UrgencyName, string Confidentiality, DateTime ReceivedAt, string Status,
    string? RefusalReason, Guid? DocumentId, string? DecidedByName, IReadOnlyList<PendingFileResponse> Files, string Channel, string ChannelName,
    PendingPackageSignature? PackageSignature, PendingRecallResponse? Recall)
{
    public bool IsSecret => Confidentiality != "none";

    public static PendingResponse From(PendingIncoming p) => new(p.Id, p.ExternalId, p.Metadata, UrgencyNames.Name(p.Metadata.Urgency),
        IncomingFields.ConfidentialityCode(p.Confidentiality), p.ReceivedAt, p.Status switch
        {
            PendingStatus.Registered => "registered",
            PendingStatus.Refused => "refused",
            PendingStatus.Withdrawn => "withdrawn",
            _ => "waiting",
        }, p.RefusalReason, p.DocumentId, p.DecidedByName,
        p.Files.OrderBy(f => f.SortOrder).Select(f => new PendingFileResponse(f.FileId, f.FileName, f.IsMain)).ToList(),
        ChannelCode(p.Channel), ElectronicArrivals.ChannelName(p.Channel), PendingPackageSignature.Of(p), PendingRecallResponse.Of(p));

    public static string ChannelCode(ArrivalChannel channel) => channel switch
    {
        ArrivalChannel.Eoffice => "eoffice",
        ArrivalChannel.NationalAxis => "national-axis",
        ArrivalChannel.Email => "email",
        _ => "gateway",
    };
}

/// <summary>
/// "Chờ tiếp nhận": the agency's clerks list the documents that arrived electronically, check one, then register it in
/// a register they keep (source electronic, the package's files attached) or refuse it with a reason. A secret package
/// can only be refused. When the sender recalls an arrival, the clerk accepts — the item is withdrawn, or the document
/// registered from it is withdrawn from handling with the reason kept — or refuses with a reason; either answer is
/// published for the sender (15/16). <c>GET /api/v1/documents/incoming/pending</c>, <c>…/pending/{id}</c>,
/// <c>POST …/pending/{id}/register</c>, <c>POST …/pending/{id}/refuse</c>, <c>POST …/pending/{id}/recall/accept</c>,
/// <c>POST …/pending/{id}/recall/refuse</c>.
/// </summary>
public sealed class DecidePending(EofficeDbContext db, IncomingAccessControl access, IncomingRegistrar registrar, UnitOfWork unitOfWork, Platform.Jobs.IOutbox outbox,
    TimeProvider time)
{
    /// <summary>
    /// <c>registerId</c>: a register the clerk keeps; <c>document</c>: the metadata as checked and completed by the clerk
    /// (omitted: as the sender declared it).
    /// </summary>
    public sealed class RegisterRequest : IValidatableRequest
    {
        public Guid? RegisterId { get; set; }

        public DocumentMetadataInput? Document { get; set; }

        public bool AddressedToNamedPerson { get; set; }

        public bool ConfirmWarnings { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (RegisterId is null)
            {
                errors["registerId"] = ["Vui lòng chọn sổ văn bản đến."];
            }

            if (Document is not null)
            {
                DocumentMetadata.Validate(Document, errors);
            }

            return errors;
        }
    }

    public sealed record RefuseRequest(string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("reason", Reason, IncomingDocument.ReasonMaxLength, "Vui lòng nhập lý do từ chối.", "Lý do");
            return errors;
        }
    }

    public sealed record RecallRefuseRequest(string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("reason", Reason, IncomingDocument.ReasonMaxLength, "Vui lòng nhập lý do từ chối thu hồi.", "Lý do");
            return errors;
        }
    }

    public async Task<IReadOnlyList<PendingResponse>> ListAsync(bool all, CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var query = db.Set<PendingIncoming>().AsNoTracking().Include(p => p.Files).Where(p => p.AgencyId == viewer.AgencyId);
        if (!all)
        {
            // Waiting items, and any item whose sender asks to recall it (registered ones too) until a clerk answers.
            query = query.Where(p => p.Status == PendingStatus.Waiting || p.Recall == PendingRecall.Requested);
        }

        var items = await query.OrderByDescending(p => p.ReceivedAt).Take(500).ToListAsync(cancellationToken);
        return items.OrderByDescending(p => p.Metadata.Urgency).ThenByDescending(p => p.ReceivedAt).Select(PendingResponse.From).ToList();
    }

    public async Task<PendingResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        PendingResponse.From(await LoadAsync(id, tracked: false, cancellationToken));

    public async Task<RegistrationOutcome> RegisterAsync(Guid id, RegisterRequest request, CancellationToken cancellationToken)
    {
        var pending = await LoadAsync(id, tracked: true, cancellationToken);
        if (pending.Status != PendingStatus.Waiting)
        {
            throw RuleException.Conflict(pending.Status switch
            {
                PendingStatus.Registered => "Văn bản này đã được vào sổ.",
                PendingStatus.Withdrawn => "Văn bản này đã được cơ quan gửi thu hồi.",
                _ => "Văn bản này đã bị từ chối tiếp nhận.",
            });
        }

        if (pending.Confidentiality != Confidentiality.None)
        {
            throw RuleException.Invalid(IncomingFields.SecretRefusal(pending.Confidentiality) + " Hãy từ chối tiếp nhận văn bản này.", "confidentiality");
        }

        var register = await registrar.KeptRegisterAsync(request.RegisterId, cancellationToken);
        var viewer = await access.ViewerAsync(cancellationToken);
        var metadata = request.Document is { } corrected ? DocumentMetadata.Create(corrected) : pending.Metadata;
        var files = pending.Files.OrderBy(f => f.SortOrder).Select(f => new FileToAttach(f.FileId, f.Sha256, f.FileName, f.IsMain)).ToList();
        return await registrar.RegisterAsync(new RegistrationDraft(register, viewer.Self, pending.ReceivedAt, IncomingSource.Electronic, metadata,
            request.AddressedToNamedPerson, files, null, request.ConfirmWarnings, pending), cancellationToken);
    }

    public async Task RefuseAsync(Guid id, RefuseRequest request, CancellationToken cancellationToken)
    {
        var pending = await LoadAsync(id, tracked: true, cancellationToken);
        var viewer = await access.ViewerAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        pending.Refuse(DocumentMetadata.Clean(request.Reason)!, viewer.Self, now);
        outbox.Publish(ElectronicArrivalEvents.Refused, new ArrivalRefused(Guid.CreateVersion7(), pending.Id, pending.AgencyId, pending.RefusalReason!, now, viewer.Self.Name));
        await unitOfWork.CommitAsync(new AuditEvent("documents.incoming.pending.refuse", "pending-incoming", pending.Id.ToString(),
            Details: $"{pending.Metadata.IssuingOrganName}: {pending.Metadata.Subject}. Lý do: {pending.RefusalReason}"), cancellationToken);
    }

    /// <summary>
    /// Đồng ý thu hồi: an item still waiting is withdrawn; a registered document is withdrawn from handling (open
    /// assignments taken back, the sender's reason kept, readable for the record). Published for the sender (15).
    /// </summary>
    public async Task AcceptRecallAsync(Guid id, CancellationToken cancellationToken)
    {
        var pending = await LoadAsync(id, tracked: true, cancellationToken);
        var viewer = await access.ViewerAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        pending.AcceptRecall(viewer.Self, now);
        var details = $"{pending.Metadata.IssuingOrganName}: {pending.Metadata.CodeText} — {pending.Metadata.Subject}. Lý do thu hồi: {pending.RecallReason}";
        var entries = new List<AuditEvent> { new("documents.incoming.pending.recall-accept", "pending-incoming", pending.Id.ToString(), Details: details) };
        if (pending.Status == PendingStatus.Registered && pending.DocumentId is { } documentId)
        {
            var document = await access.LoadAsync(documentId, cancellationToken);
            document.Withdraw(viewer.Self, pending.RecallReason ?? "", now);
            entries.Add(new("documents.incoming.recall", "incoming-document", document.Id.ToString(),
                Details: $"Số đến {document.ArrivalNumber}/{document.Year}. {document.CancelReason}"));
        }

        outbox.Publish(ElectronicArrivalEvents.RecallAccepted, new ArrivalRecallDecided(Guid.CreateVersion7(), pending.Id, pending.AgencyId, true, null, now, viewer.Self.Name));
        await unitOfWork.CommitWithEntriesAsync(entries, cancellationToken, "Văn bản vừa được người khác cập nhật. Hãy tải lại trang rồi thử lại.");
    }

    /// <summary>Từ chối thu hồi, with the reason: nothing else changes; published for the sender (16 with the reason).</summary>
    public async Task RefuseRecallAsync(Guid id, RecallRefuseRequest request, CancellationToken cancellationToken)
    {
        var pending = await LoadAsync(id, tracked: true, cancellationToken);
        var viewer = await access.ViewerAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        pending.RefuseRecall(DocumentMetadata.Clean(request.Reason)!, viewer.Self, now);
        outbox.Publish(ElectronicArrivalEvents.RecallRefused,
            new ArrivalRecallDecided(Guid.CreateVersion7(), pending.Id, pending.AgencyId, false, pending.RecallRefusalReason, now, viewer.Self.Name));
        await unitOfWork.CommitAsync(new AuditEvent("documents.incoming.pending.recall-refuse", "pending-incoming", pending.Id.ToString(),
            Details: $"{pending.Metadata.IssuingOrganName}: {pending.Metadata.CodeText} — {pending.Metadata.Subject}. Lý do từ chối thu hồi: {pending.RecallRefusalReason}"),
            cancellationToken);
    }

    private async Task<PendingIncoming> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var query = db.Set<PendingIncoming>().Include(p => p.Files).Where(p => p.Id == id && p.AgencyId == viewer.AgencyId);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy văn bản chờ tiếp nhận hoặc bạn không có quyền truy cập.");
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/incoming/pending", async Task<Ok<IReadOnlyList<PendingResponse>>> (bool? all, DecidePending handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(all == true, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .WithName("ListPendingIncoming")
            .WithSummary("Danh sách văn bản điện tử chờ tiếp nhận của cơ quan (all=true: cả đã vào sổ, đã từ chối).");

        group.MapGet("/incoming/pending/{id:guid}", async Task<Ok<PendingResponse>> (Guid id, DecidePending handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPendingIncoming")
            .WithSummary("Một văn bản chờ tiếp nhận.");

        group.MapPost("/incoming/pending/{id:guid}/register", async Task<Results<Created<RegisteredIncoming>, ProblemHttpResult>> (Guid id, RegisterRequest request, DecidePending handler, CancellationToken ct) =>
                RegisterIncoming.Answer(await handler.RegisterAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RegisterPendingIncoming")
            .WithSummary("Tiếp nhận và vào sổ văn bản điện tử chờ tiếp nhận.");

        group.MapPost("/incoming/pending/{id:guid}/refuse", async Task<NoContent> (Guid id, RefuseRequest request, DecidePending handler, CancellationToken ct) =>
            {
                await handler.RefuseAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RefusePendingIncoming")
            .WithSummary("Từ chối tiếp nhận văn bản điện tử, kèm lý do.");

        group.MapPost("/incoming/pending/{id:guid}/recall/accept", async Task<NoContent> (Guid id, DecidePending handler, CancellationToken ct) =>
            {
                await handler.AcceptRecallAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcceptPendingRecall")
            .WithSummary("Đồng ý yêu cầu thu hồi của cơ quan gửi: văn bản chờ tiếp nhận, hoặc văn bản đã vào sổ từ nó, được rút khỏi xử lý (gửi lại mã 15).");

        group.MapPost("/incoming/pending/{id:guid}/recall/refuse", async Task<NoContent> (Guid id, RecallRefuseRequest request, DecidePending handler, CancellationToken ct) =>
            {
                await handler.RefuseRecallAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RefusePendingRecall")
            .WithSummary("Từ chối yêu cầu thu hồi của cơ quan gửi, kèm lý do (gửi lại mã 16).");
    }
}
