namespace Eoffice.Web.Modules.Identity.Handovers;

/// <summary>One handed-over piece of work.</summary>
public sealed record HandoverItemDto(string Module, string ItemType, string ItemId, string Title);

/// <summary>
/// A handover (bàn giao) as kept for history: who left, why, who took the work and the list of what was handed over.
/// <c>Reason</c> is "transfer", "retirement" or "other".
/// </summary>
public sealed record HandoverDto(Guid Id, Guid FromUserId, string FromName, Guid ToUserId, string ToName, string Reason, string ReasonText,
    string? Note, DateTime At, string? ByName, IReadOnlyList<HandoverItemDto> Items);
