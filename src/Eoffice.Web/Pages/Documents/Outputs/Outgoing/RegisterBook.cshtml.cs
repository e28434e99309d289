using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs.Outgoing;

/// <summary>Sổ đăng ký văn bản đi, print view (the register's keepers and agency-wide reporters whole, unit leaders their units' lines; others 404).</summary>
[RequirePermission(DocumentsPermissions.ReportOutgoing)]
public sealed class OutgoingRegisterBookModel(OutgoingRegisterBook book, PrintMarks marks) : PrintViewModel(marks)
{
    public Task<IActionResult> OnGetAsync(Guid? registerId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        ShowRegisterAsync(registerId, OutgoingReportsModel.PagePath, "book-form", id => book.BuildAsync(id, new BookPeriod(from, to), cancellationToken),
            OutgoingRegisterBook.Subject);
}
