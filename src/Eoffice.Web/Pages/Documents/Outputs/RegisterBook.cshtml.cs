using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>Sổ đăng ký văn bản đến, print view (keepers of the register and agency-wide trackers; others 404).</summary>
[RequirePermission(DocumentsPermissions.ReportIncoming)]
public sealed class RegisterBookModel(RegisterBookExport book, PrintMarks marks) : PrintViewModel(marks)
{
    public Task<IActionResult> OnGetAsync(Guid? registerId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        ShowRegisterAsync(registerId, ReportsModel.PagePath, "book-form", id => book.BuildAsync(id, new BookPeriod(from, to), cancellationToken),
            RegisterBookExport.Subject);
}
