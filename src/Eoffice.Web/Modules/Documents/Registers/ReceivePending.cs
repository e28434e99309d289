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
public sealed class ReceivePending(EofficeDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider time)
{
    public sealed record Request(
        string? SenderId,
        string? SenderName,
        string? ExternalId,
        string? TypeCode,
        string? CodeNumber,
        string? CodeNotation,
        DateOnly? IssuedDate,
        string? Subject,
        string? SignerPosition,
        string? SignerFullName,
        string? Urgency,
        DateOnly? DueDate,
        int? PageAmount,
        bool RequestsComments,
        string? Confidentiality,
        IReadOnlyList<Guid>? FileIds,
        Guid? MainFileId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            IncomingFields.Required(errors, "senderName", SenderName, IncomingDocument.OrganNameMaxLength, "Thiếu tên cơ quan gửi.", "Tên cơ quan gửi");
            if (!string.IsNullOrWhiteSpace(SenderId) && !AgencyCode.IsValid(SenderId.Trim(), out var codeError))
            {
                errors["senderId"] = [codeError];
            }

            IncomingFields.Required(errors, "externalId", ExternalId, PendingIncoming.ExternalIdMaxLength, "Thiếu mã văn bản của bên gửi.", "Mã văn bản");
            if (!string.IsNullOrWhiteSpace(TypeCode) && DocumentTypes.Find(TypeCode.Trim()) is null)
            {
                errors["typeCode"] = ["Loại văn bản không có trong danh mục."];
            }

            IncomingFields.Length(errors, "codeNumber", CodeNumber, IncomingDocument.CodeNumberMaxLength, "Số văn bản");
            IncomingFields.Length(errors, "codeNotation", CodeNotation, IncomingDocument.CodeNotationMaxLength, "Ký hiệu");
            IncomingFields.Required(errors, "subject", Subject, IncomingDocument.SubjectMaxLength, "Thiếu trích yếu.", "Trích yếu");
            IncomingFields.Length(errors, "signerPosition", SignerPosition, IncomingDocument.SignerPositionMaxLength, "Chức vụ người ký");
            IncomingFields.Length(errors, "signerFullName", SignerFullName, IncomingDocument.SignerNameMaxLength, "Họ tên người ký");
            if (UrgencyNames.ParseUrgency(Urgency) is null)
            {
                errors["urgency"] = ["Độ khẩn không hợp lệ."];
            }

            if (PageAmount is < 1 or > IncomingDocument.MaxPageAmount)
            {
                errors["pageAmount"] = [$"Số trang từ 1 đến {IncomingDocument.MaxPageAmount}."];
            }

            if (IncomingFields.ParseConfidentiality(Confidentiality) is null)
            {
                errors["confidentiality"] = ["Độ mật không hợp lệ."];
            }

            if (FileIds?.Count > IncomingFields.MaxFiles)
            {
                errors["fileIds"] = [$"Tối đa {IncomingFields.MaxFiles} tệp."];
            }

            return errors;
        }
    }

    public sealed record Received(Guid Id);

    public async Task<Guid> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        if (currentUser.Id is not { } userId || currentUser.AgencyId is not { } agencyId)
        {
            throw RuleException.NotFound();
        }

        var externalId = request.ExternalId!.Trim();
        var senderId = IncomingFields.Clean(request.SenderId);
        var senderName = IncomingFields.Clean(request.SenderName)!;
        if (await db.Set<PendingIncoming>().AnyAsync(p => p.AgencyId == agencyId && p.ExternalId == externalId
                && (senderId != null ? p.SenderId == senderId : p.SenderName == senderName), cancellationToken))
        {
            throw RuleException.Conflict("Văn bản này (cùng mã văn bản, cùng cơ quan gửi) đã được nhận.");
        }

        var ids = (request.FileIds ?? []).Distinct().ToList();
        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.CreatedBy == userId).ToListAsync(cancellationToken);
        if (files.Count != ids.Count)
        {
            throw RuleException.Invalid("Tệp của gói tin không tồn tại.", "fileIds");
        }

        var pending = new PendingIncoming(agencyId, externalId, senderId, senderName, IncomingFields.Clean(request.TypeCode),
            IncomingFields.Clean(request.CodeNumber), IncomingFields.Clean(request.CodeNotation), request.IssuedDate, IncomingFields.Clean(request.Subject)!,
            IncomingFields.Clean(request.SignerPosition), IncomingFields.Clean(request.SignerFullName), UrgencyNames.ParseUrgency(request.Urgency)!.Value,
            request.DueDate, request.PageAmount, request.RequestsComments, IncomingFields.ParseConfidentiality(request.Confidentiality)!.Value,
            time.GetUtcNow().UtcDateTime);
        var main = request.MainFileId is { } m && ids.Contains(m) ? m : ids.FirstOrDefault();
        foreach (var file in ids.Select(id => files.Single(f => f.Id == id)))
        {
            pending.AddFile(file.Id, file.Sha256, file.FileName, file.Id == main);
        }

        db.Add(pending);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("documents.incoming.pending.receive", "pending-incoming", pending.Id.ToString(),
            Details: $"{senderName}: {pending.CodeNumber}/{pending.CodeNotation} — {pending.Subject}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
