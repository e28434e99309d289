using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    IOrganizationDirectory organization) : PageModel
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

    public sealed class InputModel
    {
        public string? FullName { get; set; }

        public string? UserName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }
    }

    public sealed class MoveModel
    {
        public Guid? UnitId { get; set; }

        public Guid? PositionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel { FullName = Person.FullName, UserName = Person.UserName, Email = Person.Email, Phone = Person.Phone };
        Move = new MoveModel { UnitId = Person.UnitId, PositionId = Person.PositionId };
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        var request = new UpdatePerson.Request(Input.FullName, Input.UserName, Input.Email, Input.Phone);
        ModelState.AddFieldErrors(UpdatePerson.Validate(request));
        return RunAsync(ct => updatePerson.HandleAsync(Id, request, ct), "Đã lưu thông tin cán bộ.", "Input", cancellationToken);
    }

    public Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => movePerson.HandleAsync(Id, new MovePerson.Request(Move.UnitId, Move.PositionId), ct), "Đã chuyển cán bộ.", "Move", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => disablePerson.HandleAsync(Id, ct), "Đã khóa tài khoản và kết thúc các phiên làm việc.", "Status", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => enablePerson.HandleAsync(Id, ct), "Đã mở khóa tài khoản.", "Status", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<CancellationToken, Task<PersonResponse>> action, string done, string prefix, CancellationToken cancellationToken)
    {
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await action(cancellationToken);
                Message = done;
                return RedirectToPage(new { id = Id });
            }
            catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
            {
                return NotFound();
            }
            catch (RuleException rule)
            {
                ModelState.AddModelError(rule.Field is null || prefix == "Status" ? prefix : ModelStateExtensions.FieldOf(rule.Field, prefix), rule.Message);
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return false;
        }

        try
        {
            Person = await listPeople.FindAsync(Id, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return false;
        }

        Units = (await organization.UnitsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(u => u.IsActive || u.Id == Person.UnitId).ToList();
        Positions = (await organization.PositionsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(p => p.IsActive || p.Id == Person.PositionId).ToList();
        return true;
    }
}
