namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>
/// An external recipient of an issued document: another agency by its identifier (mã định danh), when known; sent by
/// exchange (liên thông) or by e-mail (<paramref name="ByEmail"/>).
/// </summary>
public sealed record IssuedRecipient(Guid RecipientId, string Name, string? OrganCode, bool ByExchange, bool ByEmail = false);

/// <summary>A file of the issued document: the signed original first (<see cref="IsMain"/>), then the annexes.</summary>
public sealed record IssuedFile(Guid FileId, string FileName, bool IsMain);

/// <summary>
/// An issued outgoing document as another agency is to receive it (ADR 0030: sending). <paramref name="ReplacesId"/>:
/// the issued document this one replaces (văn bản thay thế); <paramref name="WithdrawReason"/>: set once the clerk
/// withdrew (thu hồi) the document, with the reason.
/// </summary>
public sealed record IssuedDocument(
    Guid Id,
    Guid AgencyId,
    string TypeCode,
    string TypeName,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly IssuedDate,
    string Subject,
    Urgency Urgency,
    string? SignerCompetence,
    string? SignerPosition,
    string? SignerFullName,
    DateOnly? DueDate,
    int? PageAmount,
    Guid? IssuedById,
    IReadOnlyList<IssuedRecipient> Recipients,
    IReadOnlyList<IssuedFile> Files,
    Guid? ReplacesId = null,
    string? WithdrawReason = null);

/// <summary>
/// Issued outgoing documents for the exchange (ADR 0030 §1): what is sent to other agencies, and whether the current
/// user may see a document (so that its exchange state is shown only to those who see the document).
/// </summary>
public interface IIssuedDocuments
{
    /// <summary>The issued document (no user check: background sending); null when it does not exist or is not issued.</summary>
    Task<IssuedDocument?> IssuedAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>Whether the current user may see the outgoing document.</summary>
    Task<bool> CanSeeAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the current user may manage the issued document's sending — a keeper of its outgoing register (văn thư),
    /// who issued it and may recall it from recipients; false too when the user does not see it.
    /// </summary>
    Task<bool> CanManageAsync(Guid documentId, CancellationToken cancellationToken);
}
