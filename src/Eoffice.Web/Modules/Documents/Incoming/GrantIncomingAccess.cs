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

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanGrant(viewer).ThrowIfBroken();
        var person = await people.FindPersonAsync(request.UserId!.Value, cancellationToken);
        if (person is null || person.AgencyId != viewer.AgencyId || !person.IsActive)
        {
            throw RuleException.Invalid("Người được chia sẻ không tồn tại trong cơ quan.", "userId");
        }

        document.GrantTo(viewer, person.Id, person.FullName, handling.Now);
        await handling.CommitAsync(document, viewer.Self, "documents.incoming.grant",
            $"Chia sẻ văn bản đến số {document.ArrivalNumber}/{document.Year} cho {person.FullName}.", cancellationToken);
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
