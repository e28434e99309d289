using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>What a handling action answers: the document's new status and the assignments it created, if any.</summary>
public sealed record IncomingActionResult(Guid DocumentId, string Status, string StatusName, IReadOnlyList<Guid> AssignmentIds)
{
    public static IncomingActionResult Of(IncomingDocument document, IEnumerable<Assignment>? created = null) =>
        new(document.Id, IncomingJson.Status(document.Status), IncomingNames.Name(document.Status), created?.Select(a => a.Id).ToList() ?? []);
}

/// <summary>The JSON names of the handling enums (the API speaks words, not numbers).</summary>
public static class IncomingJson
{
    public static string Status(IncomingStatus status) => status switch
    {
        IncomingStatus.Registered => "registered",
        IncomingStatus.InProgress => "inProgress",
        IncomingStatus.Finished => "finished",
        IncomingStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    public static string Status(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Open => "open",
        AssignmentStatus.Forwarded => "forwarded",
        AssignmentStatus.Done => "done",
        AssignmentStatus.Returned => "returned",
        AssignmentStatus.Revoked => "revoked",
        _ => status.ToString(),
    };

    public static string Role(AssignmentRole role) => role switch
    {
        AssignmentRole.Direct => "direct",
        AssignmentRole.Lead => "lead",
        AssignmentRole.Support => "support",
        AssignmentRole.ForInformation => "forInformation",
        _ => role.ToString(),
    };

    public static AssignmentRole? ParseRole(string? value) => value?.Trim() switch
    {
        "direct" => AssignmentRole.Direct,
        "lead" => AssignmentRole.Lead,
        "support" => AssignmentRole.Support,
        "forInformation" => AssignmentRole.ForInformation,
        _ => null,
    };
}
