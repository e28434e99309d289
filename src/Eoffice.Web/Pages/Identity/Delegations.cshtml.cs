using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Ủy quyền: a person sees the delegations they gave and received, delegates some of their rights to a colleague for a
/// range of days and revokes a delegation early. Administrators may record a delegation on someone's behalf.
/// </summary>
public sealed class DelegationsModel(
    GetDelegation get,
    CreateDelegation create,
    RevokeDelegation revoke,
    AgencyPeople people,
    PermissionCatalog catalog,
    ICurrentUser currentUser,
    TimeProvider time) : FormPageModel
{
    [BindProperty]
    public CreateDelegation.Request Input { get; set; } = new(null, null, [], null, null, null);

    [TempData]
    public string? Message { get; set; }

    public GetDelegation.Mine Mine { get; private set; } = new([], []);

    public IReadOnlyList<AgencyPeople.PersonOption> Colleagues { get; private set; } = [];

    public bool MayDelegateForOthers => currentUser.HasPermission(IdentityPermissions.ManageAccounts);

    public Guid? Me => currentUser.Id;

    /// <summary>The rights that may be delegated, as the modules declare them.</summary>
    public IReadOnlyList<DelegableRight> DelegableRights => catalog.DelegableRights;

    /// <summary>Whether the form shows <paramref name="right"/> as chosen.</summary>
    public bool Chosen(string right) => Input.Rights?.Contains(right, StringComparer.OrdinalIgnoreCase) == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        Input = Input with { StartsOn = today, EndsOn = today };
        await OnRedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var created = await create.HandleAsync(Input, cancellationToken);
        Message = $"Đã ủy quyền cho {created.DelegateName}: {created.RightsText} ({created.Period}).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await revoke.HandleAsync(id, cancellationToken);
        Message = "Đã thu hồi ủy quyền.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Mine = await get.MineAsync(cancellationToken);
        Colleagues = await people.ActiveAsync(cancellationToken);
    }
}
