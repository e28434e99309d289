using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Outputs.Outgoing;

/// <summary>
/// Sổ và báo cáo văn bản đi: the forms to print or export the register book of an outgoing register the viewer may
/// print, and the report by status and drafting unit (<see cref="OutgoingReportScope"/>).
/// </summary>
[RequirePermission(DocumentsPermissions.ReportOutgoing)]
public sealed class OutgoingReportsModel(OutgoingReportScope scope, PrintMarks marks) : PageModel
{
    public const string PagePath = "/van-ban-di/so-va-bao-cao";

    public IReadOnlyList<RegisterOption> Registers { get; private set; } = [];

    /// <summary>The viewer sees only their units' drafts (and their registers'), not the whole agency's.</summary>
    public bool Limited { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Registers = (await scope.RegistersAsync(cancellationToken)).Select(r => new RegisterOption(r.Id, r.Name)).ToList();
        Limited = (await scope.ViewerAsync(cancellationToken)).Limited;
        Today = marks.Today;
        return Page();
    }
}
