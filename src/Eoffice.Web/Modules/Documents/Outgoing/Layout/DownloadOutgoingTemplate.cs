using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// The layout template in effect for a type, as a .docx the administrator edits in Word and uploads again (the built-in
/// one until the agency replaced it). <c>GET /api/v1/documents/outgoing-templates/{typeCode}/file</c>.
/// </summary>
public sealed class DownloadOutgoingTemplate(OutgoingTemplates templates, ICurrentUser currentUser, IAuditLog audit)
{
    public sealed record TemplateFile(byte[] Content, string FileName);

    public async Task<TemplateFile> HandleAsync(string typeCode, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        if (!OutgoingTemplates.IsKnownType(typeCode))
        {
            throw RuleException.NotFound("Không có loại văn bản này.");
        }

        var effective = await templates.EffectiveAsync(agencyId, typeCode, cancellationToken);
        await using var content = await templates.ForTypeAsync(agencyId, typeCode, cancellationToken);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        await audit.RecordAsync(new AuditEvent("documents.outgoing-template.download", "outgoing-template", typeCode,
            Details: $"{ListOutgoingTemplates.TypeNameOf(typeCode)}: {effective.FileName}"), cancellationToken);
        return new TemplateFile(buffer.ToArray(), effective.FileName);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/outgoing-templates/{typeCode}/file", async Task<FileContentHttpResult> (string typeCode, DownloadOutgoingTemplate handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(typeCode, ct);
                return TypedResults.File(file.Content, FileTypeSniffer.Docx, file.FileName);
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DownloadOutgoingTemplate")
            .WithSummary("Tải mẫu trình bày (.docx) đang dùng cho một loại văn bản (typeCode = * : mẫu cho mọi loại).");
}
