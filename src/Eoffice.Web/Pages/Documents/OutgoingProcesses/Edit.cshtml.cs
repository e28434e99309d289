using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Admin;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.OutgoingProcesses;

/// <summary>
/// /quan-tri/quy-trinh-van-ban-di/{id}: the administrator changes a process's name, steps and types. The version read
/// travels with the form, so a change someone made since is not overwritten. The same handler as the API.
/// </summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class EditModel(SaveOutgoingProcess save, ListOutgoingProcesses list, IPeopleDirectory people, ICurrentUser currentUser)
    : ProcessFormPageModel(people, currentUser)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OutgoingProcessResponse Process { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = ProcessFormInput.Of(Process.Name, Process.Steps.Select(StepInput.Of), Process.TypeCodes, Process.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RowsEditedAsync(cancellationToken) is { } edited)
        {
            return edited;
        }

        var saved = await save.UpdateAsync(Id, Input.ToRequest(), cancellationToken);
        Message = $"Đã lưu quy trình “{saved.Name}”. Các dự thảo đang xử lý vẫn đi theo quy trình lúc được tạo.";
        return Redirect(ListUrl);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Process = await list.GetAsync(Id, cancellationToken);
        await base.OnRedisplayAsync(cancellationToken);
    }
}
