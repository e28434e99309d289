using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// An administrator's view of one account's security: state, lock, password reset, two-factor reset, sessions and
/// tokens. Only accounts of the administrator's agency; any other id answers 404.
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class AccountSecurityModel(AccountSecurityAdministration administration, AccessTokens tokens) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AccountSecurityAdministration.AccountSecurityView Account { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string? TemporaryPassword { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        await administration.UnlockAsync(User.AgencyId(), Id, cancellationToken);
        return Done("Đã mở khóa tài khoản.");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken)
    {
        await administration.ResetTwoFactorAsync(User.AgencyId(), Id, cancellationToken);
        return Done("Đã gỡ xác thực hai lớp; mọi phiên của tài khoản đã kết thúc.");
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(CancellationToken cancellationToken)
    {
        await administration.EndSessionsAsync(User.AgencyId(), Id, cancellationToken);
        return Done("Đã kết thúc mọi phiên đăng nhập của tài khoản.");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await tokens.RevokeInAgencyAsync(User.AgencyId(), tokenId, cancellationToken);
        return Done("Đã thu hồi mã truy cập.");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        // Shown in this response only: never put into TempData, a cookie or a redirect.
        TemporaryPassword = await administration.ResetPasswordAsync(User.AgencyId(), Id, cancellationToken);
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    /// <summary>Loads the account; one outside the administrator's agency answers 404.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Account = await administration.GetAsync(User.AgencyId(), Id, cancellationToken);

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage(new { id = Id });
    }
}
