using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Trình: a keeper of the register presents the registered document to a leader — an agency leader, or the chief of
/// office first when the agency's route says so (regulation 000 Điều 5.2.a, 003 Điều 5.1). Also after a leader returned
/// it to the clerk. <c>POST /api/v1/documents/incoming/{id}/present</c> and the page /van-ban-den/{id}/trinh.
/// </summary>
public sealed class PresentIncoming(IncomingHandling handling, RoutingPolicy routing)
{
    public const int NoteMaxLength = 2000;

    /// <summary><c>UserId</c>: the leader (one of <c>GET …/recipients?mode=present</c>); <c>Note</c>: the clerk's note.</summary>
    public sealed record Request(Guid? UserId, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (UserId is null || UserId == Guid.Empty)
            {
                errors["userId"] = ["Vui lòng chọn lãnh đạo để trình."];
            }

            if (Note?.Length > NoteMaxLength)
            {
                errors["note"] = [$"Ghi chú dài tối đa {NoteMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanPresent(viewer).ThrowIfBroken();
        var choices = await routing.PresentationChoicesAsync(viewer.AgencyId, viewer.UserId, cancellationToken);
        var targets = await routing.ResolveAsync(viewer.AgencyId, choices,
            [new RoutingPolicy.RequestedTarget(request.UserId, null, AssignmentRole.Direct, null)], cancellationToken);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var assignment = document.Present(viewer, targets[0], note, handling.Now);
        await handling.CommitAsync(document, viewer.Self, "documents.incoming.present",
            $"Trình {targets[0].Name} văn bản đến số {document.ArrivalNumber}/{document.Year}.", cancellationToken);
        return IncomingActionResult.Of(document, [assignment]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/present", async Task<Ok<IncomingActionResult>> (Guid id, Request request, PresentIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("PresentIncoming")
            .WithSummary("Trình văn bản đến cho lãnh đạo (hoặc Chánh Văn phòng theo luồng của cơ quan).");
}
