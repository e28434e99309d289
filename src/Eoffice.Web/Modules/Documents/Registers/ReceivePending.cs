using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// The exchange gateway puts a document received electronically from another agency into the agency's
/// "chờ tiếp nhận" list, with the files it already stored. The same package (external id) from the same sender twice
/// answers 409. <c>POST /api/v1/documents/incoming/pending</c>.
/// </summary>
public sealed class ReceivePending(EofficeDbContext db, ICurrentUser currentUser, UnitOfWork unitOfWork, TimeProvider time,
    Platform.TextExtraction.IFileTexts fileTexts)
{
    /// <summary>
    /// <c>externalId</c>: the sender's identifier of the document (edXML DocumentId); <c>document</c>: its metadata as the
    /// package declares it, the issuing organ being the sender; <c>confidentiality</c>: as declared (a secret package is
    /// kept only to be refused); <c>fileIds</c>: the package's files, already stored through /api/v1/files.
    /// </summary>
    public sealed class Request : IValidatableRequest
    {
        public string? ExternalId { get; set; }

        public DocumentMetadataInput Document { get; set; } = new();

        public string? Confidentiality { get; set; }

        public List<Guid> FileIds { get; set; } = [];

        public Guid? MainFileId { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("externalId", ExternalId, IncomingDocument.ExternalIdMaxLength, "Thiếu mã văn bản của bên gửi.", "Mã văn bản");
            DocumentMetadata.Validate(Document, errors);
            if (IncomingFields.ParseConfidentiality(Confidentiality) is null)
            {
                errors["confidentiality"] = ["Độ mật không hợp lệ."];
            }

            if (FileIds.Count > IncomingFields.MaxFiles)
            {
                errors["fileIds"] = [$"Tối đa {IncomingFields.MaxFiles} tệp."];
            }

            return errors;
        }
    }

    public sealed record Received(Guid Id);

    public async Task<Guid> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId || currentUser.AgencyId is not { } agencyId)
        {
            throw RuleException.NotFound();
        }

        var externalId = request.ExternalId!.Trim();
        var metadata = DocumentMetadata.Create(request.Document);
        var (senderId, senderName) = (metadata.IssuingOrganId, metadata.IssuingOrganName);
        if (await db.Set<PendingIncoming>().AnyAsync(p => p.AgencyId == agencyId && p.ExternalId == externalId
                && (senderId != null ? p.Metadata.IssuingOrganId == senderId : p.Metadata.IssuingOrganName == senderName), cancellationToken))
        {
            throw RuleException.Conflict("Văn bản này (cùng mã văn bản, cùng cơ quan gửi) đã được nhận.");
        }

        var ids = request.FileIds.Distinct().ToList();
        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.CreatedBy == userId).ToListAsync(cancellationToken);
        if (files.Count != ids.Count)
        {
            throw RuleException.Invalid("Tệp của gói tin không tồn tại.", "fileIds");
        }

        var pending = new PendingIncoming(agencyId, externalId, metadata, IncomingFields.ParseConfidentiality(request.Confidentiality)!.Value,
            time.GetUtcNow().UtcDateTime);
        var main = request.MainFileId is { } m && ids.Contains(m) ? m : ids.FirstOrDefault();
        foreach (var file in ids.Select(id => files.Single(f => f.Id == id)))
        {
            pending.AddFile(file.Id, file.Sha256, file.FileName, file.Id == main);
            await fileTexts.RequestAsync(file.Id, cancellationToken);
        }

        db.Add(pending);
        await unitOfWork.CommitAsync(new AuditEvent("documents.incoming.pending.receive", "pending-incoming", pending.Id.ToString(),
            Details: $"{senderName}: {metadata.CodeText} — {metadata.Subject}"), cancellationToken);
        return pending.Id;
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/pending", async Task<Created<Received>> (Request request, ReceivePending handler, CancellationToken ct) =>
            {
                var id = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/documents/incoming/pending/{id}", new Received(id));
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReceiveExchange))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReceivePendingIncoming")
            .WithSummary("Đưa văn bản điện tử nhận từ cơ quan khác vào danh sách chờ tiếp nhận (cổng trục liên thông gọi).");
}
