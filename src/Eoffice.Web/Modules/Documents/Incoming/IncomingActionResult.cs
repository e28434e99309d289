using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>What a handling action answers: the document's new status and the assignments it created, if any.</summary>
public sealed record IncomingActionResult(Guid DocumentId, string Status, string StatusName, IReadOnlyList<Guid> AssignmentIds)
{
    public static IncomingActionResult Of(IncomingDocument document, IEnumerable<Assignment>? created = null) =>
        new(document.Id, IncomingNames.Json(document.Status), IncomingNames.Name(document.Status), created?.Select(a => a.Id).ToList() ?? []);
}
