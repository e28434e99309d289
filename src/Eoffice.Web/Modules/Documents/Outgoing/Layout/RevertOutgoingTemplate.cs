using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// The administrator drops the agency's template of a type: its documents are laid out with the agency's template for
/// all types again, or the built-in one. The file stays in the store (documents laid out with it keep their copy).
/// <c>DELETE /api/v1/documents/outgoing-templates/{typeCode}</c>.
/// </summary>
public sealed class RevertOutgoingTemplate(EofficeDbContext db, ICurrentUser currentUser, UnitOfWork unitOfWork)
{
    public async Task HandleAsync(string typeCode, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var template = await db.Set<OutgoingTemplate>().FirstOrDefaultAsync(t => t.AgencyId == agencyId && t.TypeCode == typeCode, cancellationToken)
            ?? throw RuleException.NotFound("Loại văn bản này đang dùng mẫu mặc định, không có mẫu thay thế để bỏ.");
        db.Remove(template);
        await unitOfWork.CommitAsync(new AuditEvent("documents.outgoing-template.revert", "outgoing-template", template.Id.ToString(),
            Details: $"{ListOutgoingTemplates.TypeNameOf(typeCode)}: bỏ mẫu {template.FileName}"), cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/outgoing-templates/{typeCode}", async Task<NoContent> (string typeCode, RevertOutgoingTemplate handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(typeCode, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevertOutgoingTemplate")
            .WithSummary("Bỏ mẫu trình bày thay thế của một loại văn bản, dùng lại mẫu mặc định.");
}
