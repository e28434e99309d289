using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>
/// Cấp số, phát hành: the clerk checks the format and issues. When the check fails the draft has gone back to its
/// drafter: the page lists the problems found, with the way back to the document. A document the leader signed
/// digitally also gets the agency's signature: the clerk picks the seal certificate they hold (and its PIN on a token).
/// </summary>
[RequirePermission(DocumentsPermissions.IssueOutgoing)]
public sealed class IssueModel(OutgoingAccessControl access, IssueOutgoing handler, IPdfSigning signing) : OutgoingActionPage(access)
{
    [BindProperty]
    public IssueOutgoing.Request Input { get; set; } = new(null);

    /// <summary>What the format check found, after a refused issuance.</summary>
    public IReadOnlyList<FormatProblem> Problems { get; private set; } = [];

    /// <summary>The agency's seal certificates the clerk holds, for a digitally signed document.</summary>
    public IReadOnlyList<UsableCertificate> SealCertificates { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        if (Document.SignedDigitally)
        {
            SealCertificates = await signing.CertificatesAsync(SignatureRole.AgencySeal, SignerCapacity.None, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(Id, Input, cancellationToken);
        if (result.Issued)
        {
            return Done($"Đã cấp số {result.CodeText} và phát hành.");
        }

        Problems = result.Problems;
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }
}
