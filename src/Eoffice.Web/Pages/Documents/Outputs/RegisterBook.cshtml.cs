using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>Sổ đăng ký văn bản đến, print view (keepers of the register and agency-wide trackers; others 404).</summary>
[RequirePermission(DocumentsPermissions.ReportIncoming)]
public sealed class RegisterBookModel(RegisterBookExport book, PrintMarks marks) : PrintViewModel(marks)
{
    public string Query { get; private set; } = "";

    public Guid RegisterId { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid? registerId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (registerId is not { } id)
        {
            return Task.FromResult(ToForm("book-form"));
        }

        RegisterId = id;
        Query = Request.QueryString.Value ?? "";
        return ShowAsync(() => book.BuildAsync(id, new BookPeriod(from, to), cancellationToken), "register", id);
    }
}
