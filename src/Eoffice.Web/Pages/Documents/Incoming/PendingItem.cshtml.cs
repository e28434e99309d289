using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>/van-ban-den/cho-tiep-nhan/{id}: the clerk checks one electronic arrival beside its PDF and its digital signatures, then registers or refuses it.</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class PendingItemModel(DecidePending decidePending, ListRegisters listRegisters, IFileSignatureCheck signatures) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PendingResponse Item { get; private set; } = null!;

    public IReadOnlyList<RegisterResponse> Registers { get; private set; } = [];

    public IReadOnlyList<RegistrationWarning> Warnings { get; private set; } = [];

    /// <summary>The signature check of each PDF of the arrival (regulation 002 Điều 6.2.a: unsigned or invalid ones are flagged).</summary>
    public IReadOnlyList<FileSignatureCheck> Signatures { get; private set; } = [];

    [BindProperty]
    public DecidePending.RegisterRequest Input { get; set; } = new();

    [BindProperty]
    public DecidePending.RefuseRequest Refusal { get; set; } = new(null);

    [BindProperty]
    public DecidePending.RecallRefuseRequest RecallRefusal { get; set; } = new(null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new DecidePending.RegisterRequest { RegisterId = Registers.FirstOrDefault()?.Id, Document = Item.Document.ToInput() };
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        var outcome = await decidePending.RegisterAsync(Id, Input, cancellationToken);
        if (outcome.Registered is { } registered)
        {
            TempData["Message"] = $"Đã vào sổ văn bản, số đến {registered.ArrivalNumber}/{registered.Year}.";
            return Redirect($"/van-ban-den/{registered.Id}");
        }

        Warnings = outcome.Warnings;
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken)
    {
        await decidePending.RefuseAsync(Id, Refusal, cancellationToken);
        TempData["Message"] = "Đã từ chối tiếp nhận văn bản.";
        return Redirect("/van-ban-den/cho-tiep-nhan");
    }

    [RuleErrorsUnder("RecallRefusal")]
    public async Task<IActionResult> OnPostAcceptRecallAsync(CancellationToken cancellationToken)
    {
        await decidePending.AcceptRecallAsync(Id, cancellationToken);
        TempData["Message"] = "Đã đồng ý thu hồi; văn bản được rút khỏi xử lý và cơ quan gửi được báo lại.";
        return Redirect("/van-ban-den/cho-tiep-nhan");
    }

    public async Task<IActionResult> OnPostRefuseRecallAsync(CancellationToken cancellationToken)
    {
        await decidePending.RefuseRecallAsync(Id, RecallRefusal, cancellationToken);
        TempData["Message"] = "Đã từ chối yêu cầu thu hồi; cơ quan gửi được báo lại lý do.";
        return Redirect("/van-ban-den/cho-tiep-nhan");
    }

    /// <summary>The item (404 when it is not the agency's) and the registers the clerk keeps.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Input.ConfirmWarnings = false;
        ModelState.Remove("Input.ConfirmWarnings");
        Item = await decidePending.GetAsync(Id, cancellationToken);
        Registers = await listRegisters.HandleAsync(mine: true, cancellationToken);
        var checks = new List<FileSignatureCheck>();
        foreach (var file in Item.Files)
        {
            var check = await signatures.CheckAsync(file.FileId, cancellationToken);
            if (check.Summary != "not-pdf")
            {
                checks.Add(check);
            }
        }

        Signatures = checks;
    }
}
