using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// The recipient picker: whom the viewer may send this document to now, grouped (agency leaders, the office's leaders,
/// units, the people of each unit), with the deadlines a forward proposes: for a lead or a direction sent down, the
/// deadline of the part being forwarded (<c>ownDueDate</c>) or else the agency's default — none for an option that
/// <c>leadsSender</c> (passing a document up sets no deadline unless the sender picks one); for a support, the lead's
/// (<c>leadDueDate</c>: that of the lead already at work, if any); none for information. <c>mode=present</c> gives the
/// clerk's presentation choices.
/// <c>GET /api/v1/documents/incoming/{id}/recipients</c>.
/// </summary>
public sealed class GetIncomingRecipients(IncomingHandling handling, RoutingPolicy routing, IncomingDefaults defaults)
{
    public sealed record Response(string Mode, Guid? AssignmentId, string? OnBehalfOfName, IReadOnlyList<RecipientGroup> Groups, int DefaultDeadlineDays,
        DateOnly DefaultDueDate, DateOnly? LeadDueDate = null, DateOnly? OwnDueDate = null);

    public async Task<Response> HandleAsync(Guid id, string? mode, Guid? assignmentId, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var settings = await defaults.SettingsAsync(viewer.AgencyId, cancellationToken);
        var due = handling.DueDateOf(null, settings.DefaultDeadlineDays)!.Value;
        if (mode == "present")
        {
            document.CanPresent(viewer).ThrowIfBroken();
            var present = await routing.PresentationChoicesAsync(viewer.AgencyId, viewer.UserId, cancellationToken);
            return new Response("present", null, null, present.Groups, settings.DefaultDeadlineDays, due);
        }

        var (assignment, actor) = document.ForwardingFrom(viewer, assignmentId);
        var choices = await routing.ChoicesAsync(viewer.AgencyId, actor.ResponsibleId, cancellationToken);
        return new Response("forward", assignment.Id, actor.OnBehalfOfName, choices.Groups, settings.DefaultDeadlineDays, due,
            document.LeadDueDate(assignment, []), assignment.DueDate);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incoming/{id:guid}/recipients", async Task<Ok<Response>> (Guid id, string? mode, Guid? assignmentId, GetIncomingRecipients handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, mode, assignmentId, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListIncomingRecipients")
            .WithSummary("Danh sách người, đơn vị được phép chuyển văn bản đến (theo cấu hình luồng của cơ quan).");
}
