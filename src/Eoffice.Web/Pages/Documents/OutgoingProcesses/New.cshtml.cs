using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Documents.Outgoing.Admin;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.OutgoingProcesses;

/// <summary>
/// /quan-tri/quy-trinh-van-ban-di/moi?from=…: a new process, starting from a ready definition (<c>from</c> = its code) or
/// a copy of one of the agency's processes (<c>from</c> = its id). It is created not applied. The same handler as the API.
/// </summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class NewModel(SaveOutgoingProcess save, ListOutgoingProcesses list, IPeopleDirectory people, ICurrentUser currentUser)
    : ProcessFormPageModel(people, currentUser)
{
    public async Task<IActionResult> OnGetAsync(string? from, CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        if (Guid.TryParse(from, out var id))
        {
            var source = await list.GetAsync(id, cancellationToken);
            Input = ProcessFormInput.Of(OutgoingHandling.Shorten($"Bản sao của {source.Name}", OutgoingProcess.NameMaxLength), source.Steps.Select(StepInput.Of), [], null);
        }
        else
        {
            Input = from == OutgoingProcess.Regulation003Code
                ? ProcessFormInput.Of("Quy trình văn bản đi (theo Quy chế 003, Điều 6)", OutgoingProcess.Regulation003Steps.Select(StepInput.Of), [], null)
                : ProcessFormInput.Of("Quy trình văn bản đi (theo Quy chế 000, Điều 8)", OutgoingProcess.Regulation000Steps.Select(StepInput.Of), [], null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RowsEditedAsync(cancellationToken) is { } edited)
        {
            return edited;
        }

        var created = await save.CreateAsync(Input.ToCreateRequest(), cancellationToken);
        Message = $"Đã tạo quy trình “{created.Name}”. Quy trình mới chưa được áp dụng: bấm “Áp dụng” khi sẵn sàng.";
        return Redirect(ListUrl);
    }
}
