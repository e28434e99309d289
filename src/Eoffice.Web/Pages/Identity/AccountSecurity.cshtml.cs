using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// An administrator's view of one account's security: state, lock, password reset, two-factor reset, sessions and
/// tokens. Only accounts of the administrator's agency; any other id answers 404.
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class AccountSecurityModel(AccountSecurityAdministration administration, AccessTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AccountSecurityAdministration.AccountSecurityView Account { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string? TemporaryPassword { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        ActAsync(() => administration.UnlockAsync(User.AgencyId(), Id, cancellationToken), "Đã mở khóa tài khoản.");

    public Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken) =>
        ActAsync(() => administration.ResetTwoFactorAsync(User.AgencyId(), Id, cancellationToken), "Đã gỡ xác thực hai lớp; mọi phiên của tài khoản đã kết thúc.");

    public Task<IActionResult> OnPostEndSessionsAsync(CancellationToken cancellationToken) =>
        ActAsync(() => administration.EndSessionsAsync(User.AgencyId(), Id, cancellationToken), "Đã kết thúc mọi phiên đăng nhập của tài khoản.");

    public Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken) =>
        ActAsync(() => tokens.RevokeInAgencyAsync(User.AgencyId(), tokenId, cancellationToken), "Đã thu hồi mã truy cập.");

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Shown in this response only: never put into TempData, a cookie or a redirect.
            TemporaryPassword = await administration.ResetPasswordAsync(User.AgencyId(), Id, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        try
        {
            Account = await administration.GetAsync(User.AgencyId(), Id, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }

        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<Task> action, string message)
    {
        try
        {
            await action();
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }

        Message = message;
        return RedirectToPage(new { id = Id });
    }
}
