using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>/van-ban-den/{id}/sua: the register's clerk corrects a registered document or cancels its registration (the number stays taken).</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class EditModel(EditIncoming editIncoming) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty]
    public string? CancelReason { get; set; }

    public IncomingDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var d = Document;
        Input = new RegisterInput
        {
            TypeCode = d.TypeCode, CodeNumber = d.CodeNumber, CodeNotation = d.CodeNotation, IssuedDate = d.IssuedDate, IssuingOrganId = d.IssuingOrganId,
            IssuingOrganName = d.IssuingOrganName, Subject = d.Subject, Language = d.Language, PageAmount = d.PageAmount, Description = d.Description,
            SignerPosition = d.SignerPosition, SignerFullName = d.SignerFullName, Urgency = UrgencyCode(d.Urgency), DueDate = d.DueDate,
            RequestsComments = d.RequestsComments, PaperAppendixNote = d.PaperAppendixNote, PaperAppendixHolder = d.PaperAppendixHolder,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var i = Input;
        var request = new IncomingFieldValues(i.TypeCode, i.CodeNumber, i.CodeNotation, i.IssuedDate, i.IssuingOrganId, i.IssuingOrganName, i.Subject,
            i.Language, i.PageAmount, i.Description, i.SignerPosition, i.SignerFullName, i.Urgency, i.DueDate, i.RequestsComments, i.PaperAppendixNote,
            i.PaperAppendixHolder);
        ModelState.AddFieldErrors(request.Validate());
        return await RunAsync(() => editIncoming.UpdateAsync(id, request, cancellationToken), id, "Đã lưu thông tin văn bản.");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var request = new EditIncoming.CancelRequest(CancelReason);
        foreach (var (_, messages) in request.Validate())
        {
            ModelState.AddModelError(nameof(CancelReason), messages[0]);
        }

        return await RunAsync(() => editIncoming.CancelAsync(id, request, cancellationToken), id, "Đã hủy đăng ký văn bản; số đến được giữ lại.");
    }

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public static string UrgencyCode(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "urgent",
        Urgency.VeryUrgent => "veryurgent",
        Urgency.Flash => "flash",
        _ => "normal",
    };

    private async Task<IActionResult> RunAsync(Func<Task> action, Guid id, string message)
    {
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await action();
                TempData["Message"] = message;
                return Redirect($"/van-ban-den/{id}");
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddRuleError(rule);
            }
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        try
        {
            Document = await editIncoming.LoadForClerkAsync(id, cancellationToken);
            return null;
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }
        catch (RuleException)
        {
            return Forbid();
        }
    }
}
