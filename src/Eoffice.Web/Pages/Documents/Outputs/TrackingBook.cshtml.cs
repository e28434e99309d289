using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>Sổ theo dõi giải quyết văn bản đến, print view: the documents the viewer may see.</summary>
[RequirePermission(DocumentsPermissions.ReportIncoming)]
public sealed class TrackingBookModel(TrackingBook book, PrintMarks marks) : PrintViewModel(marks)
{
    public Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, Guid? registerId, CancellationToken cancellationToken)
    {
        ViewData[BackUrlKey] = ReportsModel.PagePath;
        return ShowAsync(() => book.BuildAsync(new TrackingBook.Query(from, to, registerId), cancellationToken), TrackingBook.Subject(registerId));
    }
}
