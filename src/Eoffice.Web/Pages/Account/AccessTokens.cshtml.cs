using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Account;

/// <summary>My personal access tokens: create (shown once), list, revoke.</summary>
public sealed class AccessTokensModel(AccessTokens tokens) : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<AccessTokens.TokenView> Tokens { get; private set; } = [];

    public AccessTokens.CreatedToken? Created { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>
    /// The token's name and last day. <see cref="ExpiresAt"/> is a day here (the token works until the end of it,
    /// Vietnam time) and a moment for <see cref="AccessTokens.CreateAsync"/>, whose refusals name the field expiresAt.
    /// </summary>
    public sealed class InputModel
    {
        public string? Name { get; set; }

        public DateOnly? ExpiresAt { get; set; }

        public DateTime? ExpiresAtUtc => ExpiresAt is { } day ? VietnamTime.EndOfDayUtc(day) : null;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    /// <summary>Shows the new token on the same page: it must not travel through a redirect.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        Created = await tokens.CreateAsync(User.UserId()!.Value, Input.Name, Input.ExpiresAtUtc, cancellationToken);
        Input = new InputModel();
        ModelState.Clear();
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await tokens.RevokeOwnAsync(User.UserId()!.Value, tokenId, cancellationToken);
        Message = "Đã thu hồi mã truy cập.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListOfAsync(User.UserId()!.Value, cancellationToken);
}
