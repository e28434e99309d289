using Eoffice.Web.Modules.Identity.External;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Account;

/// <summary>"Đăng nhập bằng thư công vụ": the official e-mail account and password, checked by the agency's LDAP directory.</summary>
[AllowAnonymous]
public sealed class DirectorySignInModel(SignInWithLdap signIn, ManageExternalProviders providers) : PageModel
{
    /// <summary>What the shared form partial needs.</summary>
    public sealed record FormView(IReadOnlyList<ManageExternalProviders.SignInOption> Providers, string? ReturnUrl, string? Login, Guid? Provider);

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    [AsTyped]
    public string? DirectoryPassword { get; set; }

    [BindProperty]
    public Guid? Provider { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ManageExternalProviders.SignInOption> LdapProviders { get; private set; } = [];

    public FormView Form => new(LdapProviders, ReturnUrl, Login, Provider);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Login) || string.IsNullOrEmpty(DirectoryPassword))
        {
            Error = string.IsNullOrWhiteSpace(Login) ? "Vui lòng nhập thư công vụ hoặc tên đăng nhập." : "Vui lòng nhập mật khẩu.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await signIn.HandleAsync(new SignInWithLdap.Request(Login, DirectoryPassword, Provider?.ToString()), cancellationToken);
        DirectoryPassword = null;
        if (!result.Succeeded)
        {
            Error = result.Error;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        LdapProviders = (await providers.EnabledAsync(cancellationToken)).Where(p => p.Kind == ExternalProviderKind.Ldap).ToList();
}
