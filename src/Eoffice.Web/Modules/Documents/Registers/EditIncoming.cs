using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// The register's clerks correct a registered document's metadata (<c>PUT /api/v1/documents/incoming/{id}</c>), add
/// files to it or replace its scan (<c>POST …/{id}/attachments</c>) or cancel its registration keeping the number with
/// the reason (<c>POST …/{id}/cancel</c>); the page /van-ban-den/{id}/sua does the same. Anyone who may not see the
/// document gets 404; those who see it but do not keep its register get 403.
/// </summary>
public sealed class EditIncoming(IncomingAccessControl access, IncomingRegistrar registrar, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <summary><c>document</c>: the corrected metadata (every field; a blank due date keeps the one the direction set).</summary>
    public sealed class UpdateRequest : IValidatableRequest
    {
        public DocumentMetadataInput Document { get; set; } = new();

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            DocumentMetadata.Validate(Document, errors);
            return errors;
        }
    }

    /// <summary>
    /// <c>fileIds</c>: files the clerk uploaded through /api/v1/files, added as attachments; <c>replaceMain</c>: the main
    /// one of them (<c>mainFileId</c>, default the first) replaces the document's main file (the scan), which leaves the
    /// list and stays in the history. A document without a main file yet takes that one as its main file.
    /// </summary>
    public sealed record AttachRequest(IReadOnlyList<Guid>? FileIds, Guid? MainFileId, bool ReplaceMain = false) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => FileIds is not { Count: > 0 }
            ? new() { ["fileIds"] = ["Vui lòng chọn tệp đính kèm."] }
            : FileIds.Count > IncomingFields.MaxFiles ? new() { ["fileIds"] = [$"Mỗi văn bản đính kèm tối đa {IncomingFields.MaxFiles} tệp."] } : [];
    }

    public sealed record CancelRequest(string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("reason", Reason, IncomingDocument.ReasonMaxLength, "Vui lòng nhập lý do hủy đăng ký.", "Lý do");
            return errors;
        }
    }

    /// <summary>The document for its clerk to edit: 404 when not visible, 403 when the viewer does not keep its register.</summary>
    public async Task<IncomingDocument> LoadForClerkAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await access.LoadAsync(id, cancellationToken);
        document.KeptBy(await access.ViewerAsync(cancellationToken)).ThrowIfBroken();
        return document;
    }

    public async Task UpdateAsync(Guid id, UpdateRequest request, CancellationToken cancellationToken)
    {
        var document = await LoadForClerkAsync(id, cancellationToken);
        document.UpdateMetadata(await access.ViewerAsync(cancellationToken), DocumentMetadata.Create(request.Document), time.GetUtcNow().UtcDateTime);
        await SaveAsync("documents.incoming.update", document, $"{document.CodeText} {document.Metadata.IssuingOrganName} — {document.Metadata.Subject}",
            cancellationToken);
    }

    public async Task AttachAsync(Guid id, AttachRequest request, CancellationToken cancellationToken)
    {
        var document = await LoadForClerkAsync(id, cancellationToken);
        var files = await registrar.UploadedFilesAsync(request.FileIds, request.MainFileId, cancellationToken);
        var viewer = await access.ViewerAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var current = document.Attachments.FirstOrDefault(a => a.IsMain);
        var replaced = request.ReplaceMain ? current?.FileName : null;
        foreach (var file in files)
        {
            if (replaced is not null && file.IsMain)
            {
                document.ReplaceMainFile(viewer, file.FileId, file.Sha256, file.FileName, now);
            }
            else
            {
                document.AddFile(viewer, file.FileId, file.Sha256, file.FileName, isMain: file.IsMain && current is null, now);
            }
        }

        var names = string.Join(", ", files.Select(f => f.FileName));
        await SaveAsync(replaced is null ? "documents.incoming.attach" : "documents.incoming.replace-main", document,
            replaced is null ? names : $"Thay văn bản chính \"{replaced}\" bằng {names}", cancellationToken);
    }

    public async Task CancelAsync(Guid id, CancelRequest request, CancellationToken cancellationToken)
    {
        var document = await access.LoadAsync(id, cancellationToken);
        document.Cancel(await access.ViewerAsync(cancellationToken), DocumentMetadata.Clean(request.Reason)!, time.GetUtcNow().UtcDateTime);
        await SaveAsync("documents.incoming.cancel", document, $"Số đến {document.ArrivalNumber}/{document.Year}. Lý do: {document.CancelReason}", cancellationToken);
    }

    private Task SaveAsync(string action, IncomingDocument document, string details, CancellationToken cancellationToken) =>
        unitOfWork.CommitAsync(new AuditEvent(action, "incoming-document", document.Id.ToString(), Details: details), cancellationToken,
            "Văn bản vừa được người khác cập nhật. Hãy tải lại trang rồi thử lại.");

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/incoming/{id:guid}", async Task<NoContent> (Guid id, UpdateRequest request, EditIncoming handler, CancellationToken ct) =>
            {
                await handler.UpdateAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateIncoming")
            .WithSummary("Sửa thông tin văn bản đến đã vào sổ (văn thư giữ sổ).");

        group.MapPost("/incoming/{id:guid}/attachments", async Task<NoContent> (Guid id, AttachRequest request, EditIncoming handler, CancellationToken ct) =>
            {
                await handler.AttachAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("AttachIncomingFiles")
            .WithSummary("Đính kèm thêm tệp vào văn bản đến, hoặc thay văn bản chính (replaceMain: tệp cũ được giữ trong lịch sử xử lý).");

        group.MapPost("/incoming/{id:guid}/cancel", async Task<NoContent> (Guid id, CancelRequest request, EditIncoming handler, CancellationToken ct) =>
            {
                await handler.CancelAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CancelIncoming")
            .WithSummary("Hủy đăng ký văn bản đến: số đến được giữ lại cùng lý do.");
    }
}
