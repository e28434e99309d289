using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>One delivery of a reconciliation day: the document as sent, where it stands, its attempts and latest error.</summary>
public sealed record ReconciliationRow(
    Guid Id, Guid OutgoingId, string PackageDocumentId, string State, string StateName, DateTime QueuedAt, DateTime StateAt, int Attempts, string? LastError,
    string? RefusalReason, bool IsOutstanding);

/// <summary>
/// One partner on one day (Vietnam time, by when the deliveries were queued): <c>sent</c> every delivery, split into
/// <c>acknowledged</c> (01 received, including those later refused or recalled), <c>outstanding</c> (queued, or posted
/// without a valid receipt) and <c>stopped</c> (withdrawn before they arrived); <c>refused</c> (02) and <c>recalled</c>
/// (13 asked) count among the acknowledged. <c>rows</c>: the deliveries (drill-down).
/// </summary>
public sealed record ReconciliationDay(
    string OrganId, string PartnerName, DateOnly Day, int Sent, int Acknowledged, int Outstanding, int Refused, int Recalled, int Stopped,
    IReadOnlyList<ReconciliationRow> Rows);

public sealed record ReconciliationResponse(DateOnly From, DateOnly To, string? Partner, IReadOnlyList<ReconciliationDay> Days);

/// <summary>
/// Đối soát liên thông (ADR 0030 §23): what the agency sent by exchange per partner and day, from <c>from</c> to
/// <c>to</c> (default: the last 7 days; at most <see cref="MaxDays"/>), optionally for one partner (its identifier),
/// newest day first. For the keepers of the exchange directory. <c>GET /api/v1/exchange/reconciliation</c>.
/// </summary>
public sealed class GetReconciliation(PartnerDirectory directory)
{
    public const int MaxDays = 93;

    public async Task<ReconciliationResponse> HandleAsync(DateOnly? from, DateOnly? to, string? partner, CancellationToken cancellationToken)
    {
        var last = to ?? VietnamTime.DateOf(directory.Now);
        var first = from ?? last.AddDays(-6);
        if (first > last)
        {
            throw RuleException.Invalid("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", "from");
        }

        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            throw RuleException.Invalid($"Chỉ đối soát tối đa {MaxDays} ngày một lần.", "from");
        }

        var organ = string.IsNullOrWhiteSpace(partner) ? null : partner.Trim().ToUpperInvariant();
        var agencyId = directory.AgencyId;
        var start = VietnamTime.StartOfDayUtc(first);
        var end = VietnamTime.StartOfDayUtc(last.AddDays(1));
        var deliveries = await directory.UnitOfWork.Db.Set<ExchangeDelivery>().AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.CreatedAt >= start && d.CreatedAt < end && (organ == null || d.OrganId == organ))
            .OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var days = deliveries.GroupBy(d => (d.OrganId, Day: DayOf(d.CreatedAt)))
            .Select(g => Summary(g.Key.OrganId, g.Key.Day, [.. g]))
            .OrderByDescending(d => d.Day).ThenBy(d => d.PartnerName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();
        return new ReconciliationResponse(first, last, organ, days);
    }

    /// <summary>The deliveries to <paramref name="organId"/> queued on <paramref name="day"/> (Vietnam time), for the current agency.</summary>
    internal IQueryable<ExchangeDelivery> OfDay(string organId, DateOnly day)
    {
        var agencyId = directory.AgencyId;
        var start = VietnamTime.StartOfDayUtc(day);
        var end = VietnamTime.StartOfDayUtc(day.AddDays(1));
        return directory.UnitOfWork.Db.Set<ExchangeDelivery>().Where(d => d.AgencyId == agencyId && d.OrganId == organId && d.CreatedAt >= start && d.CreatedAt < end);
    }

    internal static DateOnly DayOf(DateTime utc) => VietnamTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    internal static ReconciliationDay Summary(string organId, DateOnly day, IReadOnlyList<ExchangeDelivery> rows) =>
        new(organId, rows[^1].PartnerName, day, rows.Count, rows.Count(d => d.IsAcknowledged), rows.Count(d => d.IsOutstanding),
            rows.Count(d => d.State == DeliveryState.Refused), rows.Count(d => d.RecallState != RecallState.None), rows.Count(d => d.State == DeliveryState.Stopped),
            [.. rows.Select(d => new ReconciliationRow(d.Id, d.OutgoingId, d.PackageDocumentId, ListDeliveries.StateCode(d.State), d.StateName, d.CreatedAt, d.StateAt,
                d.Attempts, d.LastError, d.RefusalReason, d.IsOutstanding))]);

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/reconciliation", async Task<Ok<ReconciliationResponse>> (DateOnly? from, DateOnly? to, string? partner, GetReconciliation handler,
                    CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(from, to, partner, ct)))
            .RequireAuthorization(Policies.For(ExchangePermissions.ManagePartners))
            .ProducesValidationProblem()
            .WithName("GetExchangeReconciliation")
            .WithSummary("Đối soát liên thông theo cơ quan nhận và ngày: đã gửi, đã đến (01), chưa có xác nhận, bị từ chối (02), đã yêu cầu thu hồi, đã dừng gửi; kèm từng văn bản.");
}
