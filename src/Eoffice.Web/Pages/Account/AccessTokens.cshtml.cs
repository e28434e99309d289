using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Account;

/// <summary>My personal access tokens: create (shown once), list, revoke.</summary>
public sealed class AccessTokensModel(AccessTokens tokens) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<AccessTokens.TokenView> Tokens { get; private set; } = [];

    public AccessTokens.CreatedToken? Created { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public DateOnly? ExpiresOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A token set to expire on a day works until the end of that day, Vietnam time.
            DateTime? expiresAt = Input.ExpiresOn is { } day ? VietnamTime.ToUtc(day.AddDays(1), TimeOnly.MinValue).UtcDateTime : null;
            Created = await tokens.CreateAsync(User.UserId()!.Value, Input.Name, expiresAt, cancellationToken);
            Input = new InputModel();
            ModelState.Clear();
        }
        catch (RuleException ex)
        {
            ModelState.AddModelError(ex.Field == "expiresAt" ? "Input.ExpiresOn" : "Input.Name", ex.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeOwnAsync(User.UserId()!.Value, tokenId, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }

        Message = "Đã thu hồi mã truy cập.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListOfAsync(User.UserId()!.Value, cancellationToken);
}
