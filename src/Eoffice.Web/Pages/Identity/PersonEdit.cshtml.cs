using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>One person: correct their data and user name, move them, lock or unlock their account. Another agency's person answers 404.</summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class PersonEditModel(
    ListPeople listPeople,
    UpdatePerson updatePerson,
    MovePerson movePerson,
    DisablePerson disablePerson,
    EnablePerson enablePerson,
    PeopleScope scope,
    IOrganizationDirectory organization) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public MoveModel Move { get; set; } = new();

    public PersonResponse Person { get; private set; } = null!;

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<PositionInfo> Positions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The person's own data, checked by the rules of <see cref="UpdatePerson.Request"/>.</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public string? FullName { get; set; }

        public string? UserName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public UpdatePerson.Request ToRequest() => new(FullName, UserName, Email, Phone);

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    /// <summary>The unit and position to move to; whether they exist and are in use is checked by <see cref="MovePerson"/>.</summary>
    public sealed class MoveModel
    {
        public Guid? UnitId { get; set; }

        public Guid? PositionId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new InputModel { FullName = Person.FullName, UserName = Person.UserName, Email = Person.Email, Phone = Person.Phone };
        Move = new MoveModel { UnitId = Person.UnitId, PositionId = Person.PositionId };
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        await updatePerson.HandleAsync(Id, Input.ToRequest(), cancellationToken);
        return Done("Đã lưu thông tin cán bộ.");
    }

    [RuleErrorsUnder("Move")]
    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        await movePerson.HandleAsync(Id, new MovePerson.Request(Move.UnitId, Move.PositionId), cancellationToken);
        return Done("Đã chuyển cán bộ.");
    }

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await disablePerson.HandleAsync(Id, cancellationToken);
        return Done("Đã khóa tài khoản và kết thúc các phiên làm việc.");
    }

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        await enablePerson.HandleAsync(Id, cancellationToken);
        return Done("Đã mở khóa tài khoản.");
    }

    /// <summary>Loads the person (404 for anyone outside the administrator's agency) and the units and positions to choose from.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Person = await listPeople.FindAsync(Id, cancellationToken);
        Units = (await organization.UnitsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(u => u.IsActive || u.Id == Person.UnitId).ToList();
        Positions = (await organization.PositionsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(p => p.IsActive || p.Id == Person.PositionId).ToList();
    }

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage(new { id = Id });
    }
}
