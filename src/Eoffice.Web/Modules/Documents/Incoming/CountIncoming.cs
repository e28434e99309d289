using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// How many rows the tabs of the incoming lists hold now, for the tab labels and the menu badge. Counts stop at
/// <see cref="Cap"/> matching rows (<see cref="CappedCount"/>: shown as "99+") so that a leader's tabs over years of
/// documents stay cheap on every page (docs/benchmarks.md); "Đã xử lý" is not
/// counted. <c>GET /api/v1/documents/incoming/counts</c>.
/// </summary>
public sealed class CountIncoming(EofficeDbContext db, IncomingAccessControl access, IncomingDefaults defaults, WorkingDayCalendar calendar)
{
    public const int Cap = CappedCount.Cap;

    /// <param name="Pending">Chờ xử lý.</param>
    /// <param name="InProgress">Đang xử lý.</param>
    /// <param name="ForInformation">Nhận để biết, not yet finished.</param>
    /// <param name="Overdue">Quá hạn.</param>
    /// <param name="DueSoon">Sắp đến hạn: active, due within the agency's reminder days (as <see cref="Deadlines.StateOf"/> says).</param>
    /// <param name="Tracking">Theo dõi: documents being handled in the units I track.</param>
    /// <param name="AwaitingPresentation">Sổ văn bản đến: registered and not (or no longer) presented; <c>null</c> for non-keepers.</param>
    /// <param name="Unread">Chờ xử lý and nhận để biết not yet opened: the menu badge.</param>
    /// <param name="Cap">Counts stop here.</param>
    public sealed record Counts(int Pending, int InProgress, int ForInformation, int Overdue, int DueSoon, int Tracking, int? AwaitingPresentation, int Unread, int Cap)
    {
        /// <summary>A count as the tabs show it: "99+" at the cap.</summary>
        public string Text(int n) => CappedCount.Text(n);
    }

    public async Task<Counts> HandleAsync(CancellationToken cancellationToken) => await CountAsync(await access.ViewerAsync(cancellationToken), cancellationToken);

    /// <summary>The counts as <paramref name="v"/> sees them.</summary>
    public async Task<Counts> CountAsync(IncomingViewer v, CancellationToken cancellationToken)
    {
        var users = v.DelegatorIds.Append(v.UserId).Distinct().ToList();
        var units = v.LedUnits.ToList();
        var mine = db.Set<IncomingAssignment>().AsNoTracking()
            .Where(a => (a.RecipientUserId != null && users.Contains(a.RecipientUserId.Value)) || (a.RecipientUnitId != null && units.Contains(a.RecipientUnitId.Value)));
        var today = calendar.Today;

        var pending = await Capped(mine.Where(a => a.Status == AssignmentStatus.Open && a.Role != AssignmentRole.ForInformation), cancellationToken);
        var receiving = 0;
        if (v.ReceivingUnits.Count > 0)
        {
            // What units whose registers the viewer keeps were sent and wait for their clerk (Chờ xử lý of a unit's clerk).
            var receivingUnits = v.ReceivingUnits.ToList();
            receiving = await Capped(db.Set<IncomingAssignment>().AsNoTracking()
                .Where(a => a.RecipientUnitId != null && receivingUnits.Contains(a.RecipientUnitId.Value) && a.Status == AssignmentStatus.AwaitingReceipt), cancellationToken);
            pending = Math.Min(Cap, pending + receiving);
        }

        var inProgress = await Capped(mine.Where(a => a.Status == AssignmentStatus.Forwarded && a.Role != AssignmentRole.ForInformation), cancellationToken);
        var information = await Capped(mine.Where(a => a.Status == AssignmentStatus.Open && a.Role == AssignmentRole.ForInformation), cancellationToken);
        var overdue = await Capped(mine.Where(a => (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.Forwarded) && a.DueDate != null && a.DueDate < today),
            cancellationToken);
        var dueSoonBefore = calendar.AddWorkingDays(today, (await defaults.SettingsAsync(v.AgencyId, cancellationToken)).ReminderDaysBefore + 1);
        var dueSoon = await Capped(mine.Where(a => (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.Forwarded) && a.DueDate != null
            && a.DueDate >= today && a.DueDate < dueSoonBefore), cancellationToken);
        var unread = Math.Min(Cap, receiving + await Capped(mine.Where(a => a.Status == AssignmentStatus.Open && a.ReadAt == null), cancellationToken));

        var tracked = db.Set<IncomingDocument>().AsNoTracking().Where(d => d.AgencyId == v.AgencyId && d.Status == IncomingStatus.InProgress);
        var tracking = 0;
        if (v.AgencyWideTracker)
        {
            tracking = await Capped(tracked, cancellationToken);
        }
        else if (v.TrackedUnits.Count > 0)
        {
            var trackedUnits = v.TrackedUnits.ToList();
            tracking = await Capped(tracked.Where(d => db.Set<IncomingAccess>().Any(a => a.OwnerId == d.Id && trackedUnits.Contains(a.PrincipalId))), cancellationToken);
        }

        int? awaiting = null;
        if (v.KeptRegisters.Count > 0)
        {
            var registers = v.KeptRegisters.ToList();
            awaiting = await Capped(db.Set<IncomingDocument>().AsNoTracking()
                .Where(d => d.AgencyId == v.AgencyId && d.Status == IncomingStatus.Registered && registers.Contains(d.RegisterId)), cancellationToken);
        }

        return new Counts(pending, inProgress, information, overdue, dueSoon, tracking, awaiting, unread, Cap);
    }

    private static Task<int> Capped<T>(IQueryable<T> query, CancellationToken cancellationToken) => CappedCount.CountAsync(query, cancellationToken);

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/incoming/counts", async Task<Ok<Counts>> (CountIncoming handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .WithName("CountIncoming")
            .WithSummary("Số văn bản đến ở mỗi tab (chờ xử lý, đang xử lý, nhận để biết, quá hạn, theo dõi, chờ trình) và số chưa đọc cho biểu tượng menu; tối đa 100 (hiển thị “99+”).");
    }
}
