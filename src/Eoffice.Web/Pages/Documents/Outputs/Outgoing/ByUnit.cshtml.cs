using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs.Outgoing;

/// <summary>Báo cáo văn bản đi theo trạng thái và đơn vị, print view: the units the viewer reports on.</summary>
[RequirePermission(DocumentsPermissions.ReportOutgoing)]
public sealed class OutgoingReportByUnitModel(OutgoingReportByUnit report, PrintMarks marks) : PrintViewModel(marks)
{
    public Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        ViewData[BackUrlKey] = OutgoingReportsModel.PagePath;
        return ShowAsync(() => report.BuildAsync(new BookPeriod(from, to), cancellationToken), OutgoingReportByUnit.Subject);
    }
}
