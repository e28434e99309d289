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
public sealed class EditModel(ListRegisters listRegisters, SaveRegister saveRegister, SetRegisterKeepers setKeepers) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RegisterFormInput Input { get; set; } = new();

    public RegisterResponse Register { get; private set; } = null!;

    public IReadOnlyList<KeeperResponse> Candidates { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new RegisterFormInput
        {
            Name = Register.Name, Code = Register.Code, SortOrder = Register.SortOrder, IsActive = Register.IsActive,
            KeeperIds = Register.Keepers.Select(k => k.UserId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await saveRegister.UpdateAsync(Id, Input.ToUpdateRequest(), cancellationToken);
        Message = "Đã lưu sổ văn bản.";
        return Redirect("/quan-tri/so-van-ban");
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null || (await listRegisters.HandleAsync(mine: false, cancellationToken)).FirstOrDefault(r => r.Id == Id) is not { } register)
        {
            throw RuleException.NotFound();
        }

        Register = register;
        Candidates = await setKeepers.CandidatesAsync(cancellationToken);
    }
}
