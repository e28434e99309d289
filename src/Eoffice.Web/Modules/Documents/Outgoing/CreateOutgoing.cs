using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// Soạn dự thảo: a specialist starts a draft in the agency's (or their unit's) outgoing register, from scratch, as the
/// reply to one or more incoming documents they handle (both sides then show the link), or as the replacement or
/// correction of an issued document. The draft takes the chain of the process its type follows; version 1 and its
/// official layout are saved with it. <c>POST /api/v1/documents/outgoing</c>.
/// </summary>
public sealed class CreateOutgoing(OutgoingHandling handling, OutgoingContentBuilder builder, OutgoingProcesses processes, OutgoingLayouts layouts,
    IPeopleDirectory people, IOrganizationDirectory organization, IncomingAccessControl incoming)
{
    public sealed class Request : IValidatableRequest
    {
        public OutgoingInput Draft { get; set; } = new();

        /// <summary>The outgoing register; default: the agency's own (or the drafter's unit's) active one.</summary>
        public Guid? RegisterId { get; set; }

        /// <summary>Incoming documents this draft answers.</summary>
        public List<Guid> ReplyTo { get; set; } = [];

        public Guid? Replaces { get; set; }

        public Guid? Corrects { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = (Draft ?? new OutgoingInput()).Validate().ToDictionary(e => "draft." + e.Key, e => e.Value);
            if (Replaces is not null && Corrects is not null)
            {
                errors["corrects"] = ["Văn bản chỉ thay thế hoặc đính chính một văn bản, không đồng thời cả hai."];
            }

            if (ReplyTo.Count > 20)
            {
                errors["replyTo"] = ["Tối đa 20 văn bản đến được trả lời."];
            }

            return errors;
        }
    }

    public sealed record Response(Guid Id, int Version);

    public async Task<Response> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var person = await people.FindPersonAsync(viewer.UserId, cancellationToken);
        if (person?.UnitId is not { } unitId || await organization.FindUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            throw RuleException.Invalid("Bạn chưa thuộc đơn vị nào nên chưa soạn được văn bản đi; vui lòng báo quản trị.");
        }

        var register = await RegisterAsync(viewer.AgencyId, unitId, request.RegisterId, cancellationToken);
        var (content, main, annexes) = await builder.BuildAsync(request.Draft, viewer.AgencyId, unit.Code, viewer.UserId, [], cancellationToken);
        var process = await processes.ForTypeAsync(viewer.AgencyId, content.Metadata.TypeCode, cancellationToken);
        var tracked = await handling.Db.Set<OutgoingProcess>().FirstAsync(p => p.Id == process.Id, cancellationToken);
        foreach (var issued in new[] { request.Replaces, request.Corrects }.OfType<Guid>())
        {
            if (!await handling.Db.Set<OutgoingDocument>().AnyAsync(d => d.Id == issued && d.AgencyId == viewer.AgencyId && d.Status == OutgoingStatus.Issued, cancellationToken))
            {
                throw RuleException.Invalid("Văn bản được thay thế hoặc đính chính phải là văn bản đi đã phát hành của cơ quan.", request.Replaces is null ? "corrects" : "replaces");
            }
        }

        var now = handling.Now;
        var document = OutgoingDocument.Create(register, unitId, unit.Name, unit.Code, tracked, viewer.Self, content, main, annexes, request.Replaces, request.Corrects, now);
        foreach (var incomingId in request.ReplyTo.Distinct())
        {
            var answered = await incoming.LoadAsync(incomingId, cancellationToken);
            var party = await incoming.ViewerAsync(cancellationToken);
            answered.CanReply(party).ThrowIfBroken();
            answered.RecordReply(party, content.Metadata.Subject, now);
            var reply = new IncomingReply(answered.Id, DocumentMetadata.Clean(OutgoingHandling.Shorten(content.Metadata.Subject, IncomingReply.TitleMaxLength))!, viewer.Self, now);
            reply.LinkOutgoing(document.Id);
            handling.Db.Add(reply);
        }

        handling.Db.Add(document);
        await layouts.RenderAsync(document, cancellationToken);
        await handling.CommitAsync(document, viewer.Self, "documents.outgoing.create",
            $"Tạo dự thảo {content.Metadata.TypeName.ToLowerInvariant()}: {content.Metadata.Subject}", cancellationToken);
        return new Response(document.Id, document.VersionNumber);
    }

    /// <summary>The register chosen (it must be an active outgoing register of the agency), or the drafter's unit's, or the agency's.</summary>
    private async Task<Register> RegisterAsync(Guid agencyId, Guid unitId, Guid? registerId, CancellationToken cancellationToken)
    {
        var registers = await handling.Db.Set<Register>().Where(r => r.AgencyId == agencyId && r.Kind == RegisterKind.Outgoing && r.IsActive)
            .OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        return (registerId is { } id
                ? registers.FirstOrDefault(r => r.Id == id) ?? throw RuleException.Invalid("Sổ văn bản đi không tồn tại hoặc đã ngừng sử dụng.", "registerId")
                : registers.FirstOrDefault(r => r.UnitId == unitId) ?? registers.FirstOrDefault(r => r.UnitId == null))
            ?? throw RuleException.Invalid("Cơ quan chưa có sổ văn bản đi; vui lòng báo quản trị tạo sổ.", "registerId");
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/outgoing", async Task<Ok<Response>> (Request request, CreateOutgoing handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.DraftOutgoing))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("CreateOutgoing")
            .WithSummary("Tạo dự thảo văn bản đi (mới, trả lời văn bản đến, thay thế hoặc đính chính văn bản đã phát hành).");
}

/// <summary>
/// Sửa dự thảo: the drafter while it is with them, or the holder of the current step editing directly: a new version
/// (who, when, why) with its layout. <c>PUT /api/v1/documents/outgoing/{id}</c>.
/// </summary>
public sealed class ReviseOutgoing(OutgoingHandling handling, OutgoingContentBuilder builder, OutgoingLayouts layouts)
{
    public sealed class Request : IValidatableRequest
    {
        public OutgoingInput Draft { get; set; } = new();

        /// <summary>Why it changed (shown in the list of versions).</summary>
        public string? Reason { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = (Draft ?? new OutgoingInput()).Validate().ToDictionary(e => "draft." + e.Key, e => e.Value);
            errors.MaxLength("reason", Reason, OutgoingVersion.ReasonMaxLength, "Lý do sửa");
            return errors;
        }
    }

    public async Task<CreateOutgoing.Response> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanRevise(viewer).ThrowIfBroken();
        var known = document.Versions.SelectMany(v => v.Annexes.Select(a => a.FileId).Append(v.MainFileId ?? Guid.Empty)).ToHashSet();
        var (content, main, annexes) = await builder.BuildAsync(request.Draft, document.AgencyId, document.DraftingUnitCode, viewer.UserId, known, cancellationToken);
        var version = document.Revise(viewer, content, main, annexes, DocumentMetadata.Clean(request.Reason), handling.Now);
        await layouts.RenderAsync(document, cancellationToken);
        await handling.CommitAsync(document, viewer.Self, "documents.outgoing.revise",
            $"Sửa {OutgoingHandling.Title(document)}: phiên bản {version.Number}.", cancellationToken);
        return new CreateOutgoing.Response(document.Id, version.Number);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/outgoing/{id:guid}", async Task<Ok<CreateOutgoing.Response>> (Guid id, Request request, ReviseOutgoing handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.DraftOutgoing))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReviseOutgoing")
            .WithSummary("Sửa dự thảo văn bản đi (tạo phiên bản mới).");
}
