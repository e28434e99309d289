using System.Globalization;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Admin;

[RequirePermission(PlatformPermissions.ViewAuditLog)]
public sealed class AuditLogModel(EofficeDbContext db, AuditChainVerifier verifier, IAuditLog audit) : PageModel
{
    public AuditApi.AuditQuery Query { get; private set; } = new(null, null, null, null, null, null);

    public AuditApi.AuditPage Result { get; private set; } = new([], 0, 1, 50);

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(string? action, string? actor, string? objectId, int page = 1, CancellationToken cancellationToken = default)
    {
        Query = new AuditApi.AuditQuery(action, null, objectId, actor, null, null, page);
        Result = await AuditApi.QueryAsync(db, Query, cancellationToken);
    }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await verifier.VerifyAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("audit.verify", "audit-log", null,
            Verification.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure,
            Verification.IsIntact ? $"{Verification.EntriesChecked} entries intact" : Verification.Problem), cancellationToken);
        await OnGetAsync(null, null, null, 1, cancellationToken);
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string> { ["page"] = page.ToString(CultureInfo.InvariantCulture) };
        if (Query.Action is not null)
        {
            route["action"] = Query.Action;
        }

        if (Query.Actor is not null)
        {
            route["actor"] = Query.Actor;
        }

        if (Query.ObjectId is not null)
        {
            route["objectId"] = Query.ObjectId;
        }

        return route;
    }
}
