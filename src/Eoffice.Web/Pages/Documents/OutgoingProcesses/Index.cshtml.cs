using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Admin;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.OutgoingProcesses;

/// <summary>
/// /quan-tri/quy-trinh-van-ban-di: the agency's approval processes, which types each applies to and whether it is
/// applied; apply or stop one, and, when applying competes with another, apply it in place of that one. The same
/// handlers as the JSON API.
/// </summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class IndexModel(ListOutgoingProcesses list, SetOutgoingProcessActive setActive) : FormPageModel
{
    public const string StatusErrors = "Status";

    public IReadOnlyList<OutgoingProcessResponse> Processes { get; private set; } = [];

    /// <summary>The process whose applying or stopping was refused (its row shows the message).</summary>
    public Guid? Refused { get; private set; }

    /// <summary>Applying <see cref="Refused"/> was refused for a competing process: the page offers to apply it in its place.</summary>
    public bool OfferReplace { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    [RuleErrorsUnder(StatusErrors)]
    public async Task<IActionResult> OnPostActivateAsync(Guid id, bool replace, CancellationToken cancellationToken)
    {
        (Refused, OfferReplace) = (id, !replace);
        var process = await setActive.ActivateAsync(id, replace, cancellationToken);
        Message = $"Đã áp dụng quy trình “{process.Name}”.";
        return Redirect(ProcessFormPageModel.ListUrl);
    }

    [RuleErrorsUnder(StatusErrors)]
    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        Refused = id;
        var process = await setActive.DeactivateAsync(id, cancellationToken);
        Message = $"Đã ngừng áp dụng quy trình “{process.Name}”.";
        return Redirect(ProcessFormPageModel.ListUrl);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Processes = await list.HandleAsync(cancellationToken);
}
