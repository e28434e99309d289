using System.Globalization;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Ủy quyền: a person sees the delegations they gave and received, delegates some of their rights to a colleague for a
/// range of days and revokes a delegation early. Administrators may record a delegation on someone's behalf.
/// </summary>
public sealed class DelegationsModel(GetDelegation get, CreateDelegation create, RevokeDelegation revoke, AgencyPeople people, ICurrentUser currentUser, TimeProvider time)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public GetDelegation.Mine Mine { get; private set; } = new([], []);

    public IReadOnlyList<AgencyPeople.PersonOption> Colleagues { get; private set; } = [];

    public bool MayDelegateForOthers => currentUser.HasPermission(IdentityPermissions.ManageAccounts);

    public Guid? Me => currentUser.Id;

    public sealed class InputModel
    {
        public Guid? DelegatorId { get; set; }

        public Guid? DelegateId { get; set; }

        public List<string> Rights { get; set; } = [];

        /// <summary>yyyy-MM-dd, as an HTML date input sends it.</summary>
        public string? StartsOn { get; set; }

        public string? EndsOn { get; set; }

        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.StartsOn = Input.EndsOn = today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var request = new CreateDelegation.Request(Input.DelegatorId, Input.DelegateId, Input.Rights, ParseDate(Input.StartsOn, "Input.StartsOn"),
            ParseDate(Input.EndsOn, "Input.EndsOn"), Input.Reason);
        if (ModelState.ErrorCount == 0)
        {
            foreach (var (field, messages) in CreateDelegation.Validate(request))
            {
                ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..], messages[0]);
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var created = await create.HandleAsync(request, cancellationToken);
                Message = $"Đã ủy quyền cho {created.DelegateName}: {created.RightsText} ({created.Period}).";
                return RedirectToPage();
            }
            catch (RuleException rule)
            {
                ModelState.AddModelError(rule.Field is { } field ? "Input." + char.ToUpperInvariant(field[0]) + field[1..] : string.Empty, rule.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await revoke.HandleAsync(id, cancellationToken);
            Message = "Đã thu hồi ủy quyền.";
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }
        catch (RuleException rule)
        {
            Message = rule.Message;
        }

        return RedirectToPage();
    }

    private DateOnly? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, "Ngày không hợp lệ.");
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Mine = await get.MineAsync(cancellationToken);
        Colleagues = await people.ActiveAsync(cancellationToken);
    }
}
