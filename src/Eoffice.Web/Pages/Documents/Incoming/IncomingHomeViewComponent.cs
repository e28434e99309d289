using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>
/// The incoming documents' part of the home page (Trang chủ, Pages/Index; issue 9, point 9): what needs the signed-in
/// person, each section only for those with the right — the counts of the incoming tabs (chờ xử lý, sắp đến hạn, quá hạn, chờ trình) with links, the newest urgent documents
/// waiting for them, and for clerks the electronic documents waiting in "Chờ tiếp nhận". Built from the inbox's own
/// queries (<see cref="CountIncoming"/>, <see cref="ListIncoming"/>, <see cref="DecidePending"/>).
/// </summary>
public sealed class IncomingHomeViewComponent(CountIncoming counts, ListIncoming list, DecidePending pending, IncomingAccessControl access) : ViewComponent
{
    /// <summary>How many urgent and pending documents the home page shows.</summary>
    public const int Shown = 5;

    /// <summary>What the sections show; <c>Pending</c> (electronic documents waiting for a clerk) is <c>null</c> for those who do not register.</summary>
    public sealed record Sections(CountIncoming.Counts? Counts, IReadOnlyList<IncomingListRow> Urgent, IReadOnlyList<PendingResponse>? Pending);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (UserClaimsPrincipal.AgencyId() is null)
        {
            return Content("");
        }

        CountIncoming.Counts? found = null;
        IReadOnlyList<IncomingListRow> urgent = [];
        IReadOnlyList<PendingResponse>? waitingReceipt = null;
        if (UserClaimsPrincipal.HasPermission(DocumentsPermissions.ViewIncoming))
        {
            var viewer = await access.ViewerAsync(cancellationToken);
            found = await counts.CountAsync(viewer, cancellationToken);
            // The list puts urgent documents first, so the urgent ones among its first rows are the newest urgent ones.
            var waiting = await list.ListAsync(viewer, new ListIncoming.Request { Box = ListIncoming.Slug(IncomingBox.Pending), PageSize = Shown }, cancellationToken);
            urgent = waiting.Items.Where(r => r.IsUrgent).ToList();
        }

        if (UserClaimsPrincipal.HasPermission(DocumentsPermissions.RegisterIncoming))
        {
            waitingReceipt = await pending.ListAsync(false, cancellationToken);
        }

        return View("~/Pages/Documents/Incoming/_IncomingHome.cshtml", new Sections(found, urgent, waitingReceipt));
    }

    public static string Box(IncomingBox box) => "/van-ban-den?box=" + ListIncoming.Slug(box);
}
