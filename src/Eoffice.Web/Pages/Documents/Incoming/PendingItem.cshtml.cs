using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>/van-ban-den/cho-tiep-nhan/{id}: the clerk checks one electronic arrival beside its PDF, then registers or refuses it.</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class PendingItemModel(DecidePending decidePending, ListRegisters listRegisters) : PageModel
{
    public PendingResponse Item { get; private set; } = null!;

    public IReadOnlyList<RegisterResponse> Registers { get; private set; } = [];

    public IReadOnlyList<RegistrationWarning> Warnings { get; private set; } = [];

    [BindProperty]
    public PendingRegisterInput Input { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public static IReadOnlyList<DocumentType> Types => DocumentTypes.All;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.RegisterId = Registers.FirstOrDefault()?.Id;
        Input.TypeCode = Item.TypeCode;
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var request = new DecidePending.RegisterRequest(Input.RegisterId, Input.TypeCode, Input.Language, Input.Description, Input.PaperAppendixNote,
            Input.PaperAppendixHolder, Input.AddressedToNamedPerson, Input.ConfirmWarnings);
        ModelState.AddFieldErrors(request.Validate());
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var outcome = await decidePending.RegisterAsync(id, request, cancellationToken);
                if (outcome.Registered is { } registered)
                {
                    TempData["Message"] = $"Đã vào sổ văn bản, số đến {registered.ArrivalNumber}/{registered.Year}.";
                    return Redirect($"/van-ban-den/{registered.Id}");
                }

                Warnings = outcome.Warnings;
            }
            catch (RuleException rule)
            {
                ModelState.AddRuleError(rule);
            }
        }

        Input.ConfirmWarnings = false;
        return Page();
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var request = new DecidePending.RefuseRequest(Reason);
        foreach (var (_, messages) in request.Validate())
        {
            ModelState.AddModelError(nameof(Reason), messages[0]);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await decidePending.RefuseAsync(id, request, cancellationToken);
                TempData["Message"] = "Đã từ chối tiếp nhận văn bản.";
                return Redirect("/van-ban-den/cho-tiep-nhan");
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddModelError(nameof(Reason), rule.Message);
            }
        }

        return Page();
    }

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>Loads the item and the registers I keep; false when the item is not the agency's (404).</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return false;
        }

        try
        {
            Item = await decidePending.GetAsync(id, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return false;
        }

        Registers = await listRegisters.HandleAsync(mine: true, cancellationToken);
        return true;
    }
}

/// <summary>What the clerk adds to an electronic arrival when registering it.</summary>
public sealed class PendingRegisterInput
{
    public Guid? RegisterId { get; set; }

    public string? TypeCode { get; set; }

    public string? Language { get; set; } = IncomingFieldValues.DefaultLanguage;

    public string? Description { get; set; }

    public string? PaperAppendixNote { get; set; }

    public string? PaperAppendixHolder { get; set; }

    public bool AddressedToNamedPerson { get; set; }

    public bool ConfirmWarnings { get; set; }
}
