using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// The clerk who issued a document is alerted, once per partner, when the partner has not acknowledged it (no receipt
/// 01) by the end of the next working day after it was queued (the working-day calendar, ADR 0030 §19).
/// </summary>
public sealed class AcknowledgementAlerts(EofficeDbContext db, INotifier notifier, WorkingDayCalendar calendar, TimeProvider time) : IRecurringJob
{
    public const string JobName = "exchange.acknowledgement-alerts";
    public const string Category = "exchange.unacknowledged";

    public string Name => JobName;

    public string DisplayName => "Cảnh báo văn bản liên thông chưa được cơ quan nhận xác nhận";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = await db.Set<ExchangeDelivery>()
            .Where(d => (d.State == DeliveryState.Queued || d.State == DeliveryState.Sent) && d.AlertedAt == null && d.ClerkId != null)
            .OrderBy(d => d.CreatedAt).Take(500).ToListAsync(cancellationToken);
        foreach (var delivery in waiting.Where(d => now > DeadlineOf(d.CreatedAt)))
        {
            await notifier.NotifyAsync(delivery.ClerkId!.Value, "Văn bản liên thông chưa được cơ quan nhận xác nhận",
                $"{delivery.PartnerName} ({delivery.OrganId}) chưa xác nhận đã nhận văn bản {delivery.PackageDocumentId}."
                + (delivery.LastError is { } error ? $" Lỗi gần nhất: {error}" : ""), $"/van-ban-di/{delivery.OutgoingId}", Category, delivery.OutgoingId,
                cancellationToken);
            delivery.Alerted(now.UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The end of the next working day after <paramref name="queuedAt"/> (Vietnam time).</summary>
    public DateTimeOffset DeadlineOf(DateTime queuedAt) =>
        calendar.EndOfWorkingDay(calendar.NextWorkingDay(VietnamTime.DateOf(new DateTimeOffset(queuedAt, TimeSpan.Zero))));
}
