using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Account;

/// <summary>The person changes their own password; also the page everyone who must change it is sent to.</summary>
public sealed class ChangePasswordModel(ChangePassword changePassword) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(c => c.Type == EofficeClaims.MustChangePassword);

    [TempData]
    public bool Changed { get; set; }

    public sealed class InputModel
    {
        [AsTyped]
        public string? CurrentPassword { get; set; }

        [AsTyped]
        public string? NewPassword { get; set; }

        [AsTyped]
        public string? ConfirmPassword { get; set; }
    }

    public IActionResult OnGet() =>
        User.HasClaim(c => c.Type == EofficeClaims.SessionId) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await changePassword.HandleAsync(User,
            new ChangePassword.Request(Input.CurrentPassword, Input.NewPassword, Input.ConfirmPassword ?? string.Empty), cancellationToken);
        Input = new InputModel();
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
                }
            }

            return Page();
        }

        await HttpContext.SignInAsync(EofficeAuthenticationSchemes.Cookie, result.Principal!);
        if (Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith(AccountRequirementMiddleware.ChangePasswordPage, StringComparison.OrdinalIgnoreCase))
        {
            return LocalRedirect(ReturnUrl);
        }

        Changed = true;
        return RedirectToPage();
    }
}
