using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// The administrator replaces the layout template of a document type (or of all types, "*") with the agency's own .docx:
/// it must open as a Word document and hold <see cref="OfficialLayoutPlaceholders.Body"/>, where the drafter's content
/// goes. <c>PUT /api/v1/documents/outgoing-templates/{typeCode}</c> with a file uploaded through <c>/api/v1/files</c>;
/// the page uploads the file with the form.
/// </summary>
public sealed class ReplaceOutgoingTemplate(EofficeDbContext db, FileStore files, ICurrentUser currentUser, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <summary>A template is a page or two of layout: anything larger is not one.</summary>
    public const long MaxTemplateBytes = 10 * 1024 * 1024;

    public const string NotADocxMessage = "Mẫu trình bày phải là tệp Word (.docx).";

    /// <summary><c>fileId</c>: the .docx the administrator uploaded through <c>/api/v1/files</c>.</summary>
    public sealed record Request(Guid? FileId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (FileId is null || FileId == Guid.Empty)
            {
                errors["fileId"] = ["Vui lòng tải lên tệp mẫu (.docx)."];
            }

            return errors;
        }
    }

    public async Task<OutgoingTemplateRow> HandleAsync(string typeCode, Request request, CancellationToken cancellationToken)
    {
        var agencyId = Agency(typeCode);
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.FileId && f.CreatedBy == currentUser.Id, cancellationToken)
            ?? throw RuleException.NotFound(FileStore.NotFoundMessage);
        await using (var opened = await files.OpenReadAsSystemAsync(file.Id, cancellationToken))
        {
            Check(file.ContentType, await ReadAsync(opened.Content, "fileId", cancellationToken), "fileId");
        }

        return await ApplyAsync(agencyId, typeCode, file.Id, file.FileName, cancellationToken);
    }

    /// <summary>The page's way: the file comes with the form, and is stored only when it is a usable template.</summary>
    public async Task<OutgoingTemplateRow> HandleUploadAsync(string typeCode, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var agencyId = Agency(typeCode);
        var bytes = await ReadAsync(content, "file", cancellationToken);
        var verdict = FileTypeSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, FileTypeSniffer.HeaderLength)), fileName);
        Check(verdict.ContentType, bytes, "file");
        var stored = await files.StageAsync(new MemoryStream(bytes, writable: false), fileName, verdict.ContentType, cancellationToken);
        return await ApplyAsync(agencyId, typeCode, stored.Id, stored.FileName, cancellationToken);
    }

    private Guid Agency(string typeCode)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        return OutgoingTemplates.IsKnownType(typeCode) ? agencyId : throw RuleException.NotFound("Không có loại văn bản này.");
    }

    private static void Check(string contentType, byte[] content, string field)
    {
        if (contentType != FileTypeSniffer.Docx)
        {
            throw RuleException.Invalid(NotADocxMessage, field);
        }

        if (OfficialLayoutWriter.CheckTemplate(new MemoryStream(content, writable: false)) is { } problem)
        {
            throw RuleException.Invalid(problem == OfficialLayoutWriter.NotADocxMessage ? NotADocxMessage : problem, field);
        }
    }

    private static async Task<byte[]> ReadAsync(Stream content, string field, CancellationToken cancellationToken) =>
        await BoundedRead.ReadAtMostAsync(content, MaxTemplateBytes, cancellationToken)
        ?? throw RuleException.Invalid($"Tệp mẫu lớn hơn {MaxTemplateBytes / 1024 / 1024} MB.", field);

    private async Task<OutgoingTemplateRow> ApplyAsync(Guid agencyId, string typeCode, Guid fileId, string fileName, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw RuleException.NotFound();
        var name = currentUser.FullName ?? currentUser.UserName ?? string.Empty;
        var now = time.GetUtcNow().UtcDateTime;
        var template = await db.Set<OutgoingTemplate>().FirstOrDefaultAsync(t => t.AgencyId == agencyId && t.TypeCode == typeCode, cancellationToken);
        if (template is null)
        {
            template = new OutgoingTemplate(agencyId, typeCode, fileId, fileName, userId, name, now);
            db.Add(template);
        }
        else
        {
            template.Replace(fileId, fileName, userId, name, now);
        }

        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("documents.outgoing-template.replace", "outgoing-template", template.Id.ToString(),
                Details: $"{ListOutgoingTemplates.TypeNameOf(typeCode)}: {fileName} (tệp {fileId})"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators replaced the same type's template at once: the other one's is in place.
            db.ChangeTracker.Clear();
            throw RuleException.Conflict("Mẫu của loại văn bản này vừa được người khác thay. Vui lòng tải lại trang.");
        }

        return new OutgoingTemplateRow(typeCode, ListOutgoingTemplates.TypeNameOf(typeCode),
            ListOutgoingTemplates.SourceCode(typeCode == OutgoingTemplate.AllTypes ? OutgoingTemplateSource.AllTypes : OutgoingTemplateSource.Type),
            true, fileName, name, now);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/outgoing-templates/{typeCode}", async Task<Ok<OutgoingTemplateRow>> (string typeCode, Request request, ReplaceOutgoingTemplate handler,
                CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(typeCode, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReplaceOutgoingTemplate")
            .WithSummary("Thay mẫu trình bày của một loại văn bản (typeCode = * : mọi loại) bằng tệp .docx đã tải lên, có chỗ {{noi_dung}}.");
}
