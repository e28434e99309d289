using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>Phiếu giải quyết văn bản đến, print view. Anyone who may not see the document gets 404.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class HandlingSlipModel(HandlingSlip slip, PrintMarks marks) : PrintViewModel(marks)
{
    public Guid Id { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        ViewData[BackUrlKey] = $"/van-ban-den/{id}";
        // LoadAsync records the print itself (with the arrival number).
        return ShowAsync(async () => HandlingSlip.ToReport(await slip.LoadAsync(id, export: false, cancellationToken)), new OutputSubject(OutputAudit.Incoming, "incoming-document", id), audit: false);
    }
}
