using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>Bảng thống kê văn bản đến trong ngày, print view, for units to sign (keepers and agency-wide trackers; others 404).</summary>
[RequirePermission(DocumentsPermissions.ReportIncoming)]
public sealed class DailyListModel(DailyReceivedList list, PrintMarks marks) : PrintViewModel(marks)
{
    public string Query { get; private set; } = "";

    public Guid RegisterId { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid? registerId, DateOnly? day, CancellationToken cancellationToken)
    {
        if (registerId is not { } id)
        {
            return Task.FromResult(ToForm("daily-form"));
        }

        RegisterId = id;
        Query = Request.QueryString.Value ?? "";
        return ShowAsync(() => list.BuildAsync(id, day, cancellationToken), "register", id);
    }
}
