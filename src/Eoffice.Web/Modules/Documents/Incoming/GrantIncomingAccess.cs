using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Chia sẻ: the register's keepers and the agency's leaders let another person of the agency see the document (an
/// explicit grant; the person is told). <c>POST …/incoming/{id}/grants</c>, page /van-ban-den/{id}/chia-se.
/// </summary>
public sealed class GrantIncomingAccess(IncomingHandling handling, IPeopleDirectory people)
{
    public sealed record Request(Guid? UserId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() =>
            UserId is null || UserId == Guid.Empty ? new() { ["userId"] = ["Vui lòng chọn người được chia sẻ."] } : [];
    }

    public static bool MayGrant(IncomingViewer viewer, IncomingDocument document) =>
        viewer.AgencyWideTracker || IncomingAccessControl.Keeps(viewer, document);

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        request.ThrowIfInvalid();
        if (!MayGrant(viewer, document))
        {
            throw RuleException.Forbidden("Chỉ văn thư giữ sổ và lãnh đạo cơ quan mới chia sẻ được văn bản.");
        }

        var person = await people.FindPersonAsync(request.UserId!.Value, cancellationToken);
        if (person is null || person.AgencyId != viewer.AgencyId || !person.IsActive)
        {
            throw RuleException.Invalid("Người được chia sẻ không tồn tại trong cơ quan.", "userId");
        }

        var actor = viewer.Self;
        document.Grant(actor, person.Id, person.FullName, handling.Now);
        await handling.CommitAsync(document, actor, "documents.incoming.grant",
            $"Chia sẻ văn bản đến số {document.ArrivalNumber}/{document.Year} cho {person.FullName}.",
            [new IncomingNotice(person.Id, "Văn bản đến được chia sẻ với bạn", $"{actor.Name}: {IncomingHandling.Shorten(document.Subject)}")],
            cancellationToken);
        return IncomingActionResult.Of(document);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/grants", async Task<Ok<IncomingActionResult>> (Guid id, Request request, GrantIncomingAccess handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GrantIncomingAccess")
            .WithSummary("Chia sẻ văn bản đến cho một cán bộ trong cơ quan.");
}
