using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Registers;

/// <summary>/quan-tri/so-van-ban/{id}: rename, deactivate or reactivate a register and name the clerks who keep it.</summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class EditModel(ListRegisters listRegisters, SaveRegister saveRegister, SetRegisterKeepers setKeepers) : PageModel
{
    [BindProperty]
    public RegisterFormInput Input { get; set; } = new();

    public RegisterResponse Register { get; private set; } = null!;

    public IReadOnlyList<KeeperResponse> Candidates { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new RegisterFormInput
        {
            Name = Register.Name, Code = Register.Code, SortOrder = Register.SortOrder, IsActive = Register.IsActive,
            KeeperIds = Register.Keepers.Select(k => k.UserId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var request = new SaveRegister.Request(Input.Name, Input.Code, null, Input.IsActive, Input.SortOrder);
        ModelState.AddFieldErrors(request.Validate());
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await saveRegister.UpdateAsync(id, request, cancellationToken);
                await setKeepers.HandleAsync(id, new SetRegisterKeepers.Request(Input.KeeperIds), cancellationToken);
                Message = "Đã lưu sổ văn bản.";
                return Redirect("/quan-tri/so-van-ban");
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddModelError(rule.Field == "userIds" ? "Input.KeeperIds" : rule.Field is null ? string.Empty : ModelStateExtensions.FieldOf(rule.Field), rule.Message);
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null || (await listRegisters.HandleAsync(mine: false, cancellationToken)).FirstOrDefault(r => r.Id == id) is not { } register)
        {
            return false;
        }

        Register = register;
        Candidates = await setKeepers.CandidatesAsync(cancellationToken);
        return true;
    }
}
