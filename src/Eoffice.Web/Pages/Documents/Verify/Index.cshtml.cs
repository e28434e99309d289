using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Eoffice.Web.Pages.Documents.Verify;

/// <summary>
/// /xac-thuc/{code}: the public page the QR code of an issued document leads to. Without an account: the number,
/// date, issuing agency and subject of the document with that code, and a form to check whether a file is exactly its
/// signed original. Rate-limited per client (<see cref="PublicRateLimit"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimit.Policy)]
public sealed class IndexModel(PublicVerification verification) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PublicVerification.Summary? Document { get; private set; }

    public PublicVerification.CheckResult? Result { get; private set; }

    /// <summary>A code was given and no issued document has it.</summary>
    public bool Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        if (Document is null)
        {
            return Page();
        }

        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError("Upload", "Vui lòng chọn tệp cần kiểm tra.");
            return Page();
        }

        await using var content = Upload.OpenReadStream();
        Result = await verification.CheckAsync(Code, content, Upload.FileName, cancellationToken);
        return Page();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        Document = await verification.FindAsync(Code, cancellationToken);
        Unknown = Document is null;
    }
}
