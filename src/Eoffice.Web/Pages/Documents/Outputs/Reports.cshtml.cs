using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>
/// Sổ và báo cáo: the forms to print or export the register book and the daily list (for the registers the viewer
/// keeps, or all of the agency's for agency-wide trackers) and the tracking book (whatever the viewer may follow).
/// </summary>
[RequirePermission(DocumentsPermissions.ReportIncoming)]
public sealed class ReportsModel(EofficeDbContext db, IncomingAccessControl access, PrintMarks marks) : PageModel
{
    public const string PagePath = "/van-ban-den/so-va-bao-cao";

    public IReadOnlyList<RegisterOption> Registers { get; private set; } = [];

    public IReadOnlyList<RegisterOption> TrackableRegisters { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var v = await access.ViewerAsync(cancellationToken);

        var kept = v.KeptRegisters.ToList();
        var all = await db.Set<Register>().AsNoTracking()
            .Where(r => r.AgencyId == v.AgencyId && r.Kind == RegisterKind.Incoming)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new RegisterOption(r.Id, r.Name)).ToListAsync(cancellationToken);
        Registers = v.AgencyWideTracker ? all : all.Where(r => kept.Contains(r.Id)).ToList();
        TrackableRegisters = all;
        Today = marks.Today;
        return Page();
    }
}
