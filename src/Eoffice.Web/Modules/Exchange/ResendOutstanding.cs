using System.Globalization;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// Gửi lại (ADR 0030 §23): re-queues, through the outbox, what is outstanding for one partner on one day — deliveries
/// queued or posted without a valid receipt. A delivery whose command still waits or is retried is not queued again
/// (asking twice queues once); an acknowledged or stopped one is never sent again. The receiver's de-duplication answers
/// a package it already has with the same receipt. Audited; for the keepers of the exchange directory; a partner not in
/// the agency's directory is 404. <c>POST /api/v1/exchange/reconciliation/resend</c>.
/// </summary>
public sealed class ResendOutstanding(PartnerDirectory directory, GetReconciliation reconciliation, IOutbox outbox)
{
    public const string ResendAction = "exchange.reconciliation.resend";

    public sealed record Request(string? OrganId, DateOnly? Day) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(OrganId))
            {
                errors["organId"] = ["Chọn cơ quan nhận."];
            }

            if (Day is null)
            {
                errors["day"] = ["Chọn ngày."];
            }

            return errors;
        }
    }

    /// <summary><c>queued</c>: deliveries queued again now; <c>alreadyQueued</c>: outstanding ones whose sending still waits or is retried.</summary>
    public sealed record Response(int Queued, int AlreadyQueued, ReconciliationDay? Day);

    public async Task<Response> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var organ = request.OrganId!.Trim().ToUpperInvariant();
        var day = request.Day!.Value;
        var partner = await directory.Partners().AsNoTracking().FirstOrDefaultAsync(p => p.OrganId == organ, cancellationToken)
            ?? throw RuleException.NotFound(PartnerDirectory.NotFoundMessage);

        var rows = await reconciliation.OfDay(organ, day).AsNoTracking().OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var queued = new List<ExchangeDelivery>();
        var waiting = 0;
        foreach (var delivery in rows.Where(d => d.IsOutstanding))
        {
            var command = new ExchangeDeliveryDue(delivery.Id);
            if (await outbox.IsPendingAsync(command, cancellationToken))
            {
                waiting++;
                continue;
            }

            outbox.Enqueue(command);
            queued.Add(delivery);
        }

        var date = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await directory.UnitOfWork.CommitWithEntriesAsync(
            [
                new AuditEvent(ResendAction, "exchange-partner", partner.Id.ToString(),
                    Details: $"{partner.OrganId} {partner.Name}, ngày {date}: gửi lại {queued.Count}, đang chờ gửi {waiting}."),
                .. queued.Select(d => new AuditEvent(ResendAction, "exchange-delivery", d.Id.ToString(), Details: $"{d.PackageDocumentId} → {d.OrganId}: gửi lại.")),
            ], cancellationToken);
        return new Response(queued.Count, waiting, rows.Count == 0 ? null : GetReconciliation.Summary(organ, day, rows));
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/reconciliation/resend", async Task<Ok<Response>> (Request request, ResendOutstanding handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.For(ExchangePermissions.ManagePartners))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ResendOutstandingExchangeDeliveries")
            .WithSummary("Gửi lại các văn bản liên thông chưa có xác nhận đã đến của một cơ quan nhận trong một ngày (văn bản đã đến không bao giờ gửi lại).");
}
