using System.ComponentModel.DataAnnotations;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Account;

public sealed class SignInModel(SignIn signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
        [StringLength(64, ErrorMessage = "Tên đăng nhập tối đa 64 ký tự.")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [AsTyped]
        public string Password { get; set; } = string.Empty;
    }

    /// <summary>Set after a right password for an account with two-factor sign-in: the page then asks for the code.</summary>
    public string? PendingToken { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.HandleAsync(new SignIn.Request(Input.UserName, Input.Password), cancellationToken);
        return await CompleteAsync(result);
    }

    /// <summary>The second step: the code from the authenticator app, or a recovery code.</summary>
    public async Task<IActionResult> OnPostCodeAsync(string? pendingToken, string? code, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(code))
        {
            PendingToken = pendingToken;
            ModelState.AddModelError(string.Empty, "Vui lòng nhập mã xác thực.");
            return Page();
        }

        return await CompleteAsync(await signIn.CompleteTwoFactorAsync(pendingToken, code, cancellationToken));
    }

    private async Task<IActionResult> CompleteAsync(SignIn.Result result)
    {
        Input.Password = string.Empty;
        if (result.TwoFactorRequired)
        {
            PendingToken = result.PendingToken;
            if (result.Error is not null)
            {
                ModelState.AddModelError(string.Empty, result.Error);
            }

            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
