using Eoffice.Web.Kernel.Handling;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// What marks a document out in a list row and on its page (issue 9, point 7): it asks for comments (xin ý kiến góp ý,
/// regulation 003 Điều 5.6: the subject in a distinct colour, answered with "Góp ý"), or it came back (bị trả lại) to
/// the viewer's part — or to the clerks — with who returned it and why. Rendered by Pages/Documents/Incoming/_IncomingMarks.
/// </summary>
public interface IIncomingMarked
{
    bool RequestsComments { get; }

    IncomingReturn? Returned { get; }
}

/// <summary>Bị trả lại: who gave the part back (for a unit, the leader who acted), the reason, when.</summary>
public sealed record IncomingReturn(string ByName, string? Reason, DateTime At)
{
    /// <summary>
    /// The latest return among <paramref name="assignments"/> to the part <paramref name="parentId"/> (its children
    /// returned), or to the clerks when <paramref name="parentId"/> is <c>null</c> (a presentation returned).
    /// </summary>
    public static IncomingReturn? LatestTo(IEnumerable<Assignment> assignments, Guid? parentId) =>
        assignments.Where(a => a.Status == AssignmentStatus.Returned && a.ParentId == parentId && a.FinishedAt is not null)
            .OrderByDescending(a => a.FinishedAt)
            .Select(a => new IncomingReturn(a.ActedByName ?? a.RecipientName, a.Result, a.FinishedAt!.Value))
            .FirstOrDefault();
}
