using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Pages.Account;

/// <summary>Turning two-factor sign-in on (QR code, confirmation, recovery codes shown once) and off.</summary>
public sealed class TwoFactorModel(TwoFactorEnrolment enrolment) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(c => c.Type == AccountRequirements.MustEnrolTwoFactorClaim);

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Administrators must keep two-factor sign-in on.</summary>
    public bool CanDisable => !User.IsInRole(Modules.Identity.Contracts.DefaultRoles.Administrator);

    public TwoFactorEnrolment.Setup? Setup { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(string? enrolmentToken, string? code, CancellationToken cancellationToken)
    {
        var result = await enrolment.ConfirmAsync(User, enrolmentToken, code, cancellationToken);
        if (result.Error is not null)
        {
            Error = result.Error;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await HttpContext.SignInAsync(EofficeAuthenticationSchemes.Cookie, result.Principal!);
        RecoveryCodes = result.RecoveryCodes;
        Enabled = true;
        if (!Url.IsLocalUrl(ReturnUrl) || ReturnUrl.StartsWith(AccountRequirementMiddleware.TwoFactorPage, StringComparison.OrdinalIgnoreCase))
        {
            ReturnUrl = "/";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync([AsTyped] string? password, CancellationToken cancellationToken)
    {
        var (error, principal) = await enrolment.DisableAsync(User, password, cancellationToken);
        if (error is not null)
        {
            Error = error;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await HttpContext.SignInAsync(EofficeAuthenticationSchemes.Cookie, principal!);
        Message = "Đã tắt xác thực hai lớp.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Enabled, RecoveryCodesLeft) = await enrolment.StatusAsync(User, cancellationToken);
        Setup = Enabled ? null : enrolment.Begin(User);
    }
}
