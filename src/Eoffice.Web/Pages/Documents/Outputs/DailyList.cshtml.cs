using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>Bảng thống kê văn bản đến trong ngày, print view, for units to sign (keepers and agency-wide trackers; others 404).</summary>
[RequirePermission(DocumentsPermissions.ReportIncoming)]
public sealed class DailyListModel(DailyReceivedList list, PrintMarks marks) : PrintViewModel(marks)
{
    public Task<IActionResult> OnGetAsync(Guid? registerId, DateOnly? day, CancellationToken cancellationToken) =>
        ShowRegisterAsync(registerId, ReportsModel.PagePath, "daily-form", id => list.BuildAsync(id, day, cancellationToken), RegisterBookExport.Subject);
}
