namespace Eoffice.Web.Modules.Signing.Contracts;

/// <summary>
/// The digital signatures of a stored file, for the other modules (an electronic arrival in "Chờ tiếp nhận", its
/// registration). <c>Summary</c> is valid | not-signed | invalid | unreadable | not-pdf; <c>Text</c> says it in
/// Vietnamese; <c>Signers</c> names each signer with their organisation and the signature's verdict.
/// </summary>
public sealed record FileSignatureCheck(Guid FileId, string Summary, string Text, IReadOnlyList<string> Signers)
{
    public bool IsValid => Summary == "valid";
}

public interface IFileSignatureCheck
{
    /// <summary>Checks a file the caller has already shown the user may act on (no access check, no audit entry).</summary>
    Task<FileSignatureCheck> CheckAsync(Guid fileId, CancellationToken cancellationToken);
}
