using System.Text;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Exchange.Edxml;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>The outbox command to send one <see cref="ExchangeStatusReport"/>; failures are retried by the outbox.</summary>
public sealed record ExchangeStatusDue(Guid ReportId)
{
    public const string TypeName = "exchange.status.due";
}

/// <summary>
/// Status messages (ADR 0030 §17): subscribers of the Documents events about a document that arrived by exchange —
/// registered → 03, forwarded (phân công) → 04, received by a unit, opinions, feedback, a reply begun, a part finished
/// while others are open → 05, the document finished → 06, the arrival refused → 02 with the reason, the sender's recall
/// accepted → 15 or refused → 16 with the reason. Each code is owed
/// once per received package (a unique row), queued with an <see cref="ExchangeStatusDue"/> in one commit; documents
/// that did not arrive by exchange are ignored.
/// </summary>
public sealed class ReportStatus(UnitOfWork unitOfWork, IElectronicArrivals arrivals, IOutbox outbox, TimeProvider time)
    : IOutboxHandler<TimelineEvent>, IOutboxHandler<ArrivalRefused>, IOutboxHandler<ArrivalRecallDecided>
{
    public static readonly IReadOnlyList<string> Events =
    [
        IncomingDocumentEvents.Registered, IncomingDocumentEvents.Forwarded, IncomingDocumentEvents.ReceivedByUnit, IncomingDocumentEvents.Opinion,
        IncomingDocumentEvents.Feedback, IncomingDocumentEvents.ReplyStarted, IncomingDocumentEvents.Finished, IncomingDocumentEvents.Closed,
        IncomingDocumentEvents.ResultConfirmed,
    ];

    public async Task HandleAsync(TimelineEvent message, CancellationToken cancellationToken)
    {
        if (await arrivals.ProgressOfAsync(message.OwnerId, cancellationToken) is not { } progress)
        {
            return;
        }

        var code = message.Name switch
        {
            IncomingDocumentEvents.Registered => ExchangeStatusCodes.Registered,
            IncomingDocumentEvents.Forwarded => ExchangeStatusCodes.Assigned,
            IncomingDocumentEvents.Finished or IncomingDocumentEvents.Closed or IncomingDocumentEvents.ResultConfirmed when progress.IsFinished => ExchangeStatusCodes.Finished,
            _ => ExchangeStatusCodes.InProgress,
        };
        await QueueAsync(message.AgencyId, progress.PendingId, code, ExchangeStatusCodes.NameOf(code), cancellationToken);
    }

    public Task HandleAsync(ArrivalRefused message, CancellationToken cancellationToken) =>
        QueueAsync(message.AgencyId, message.PendingId, ExchangeStatusCodes.Refused, message.Reason, cancellationToken);

    /// <summary>The answer to the sender's recall: 15 (accepted) or 16 with the reason (ADR 0030 §21).</summary>
    public Task HandleAsync(ArrivalRecallDecided message, CancellationToken cancellationToken) => message.Accepted
        ? QueueAsync(message.AgencyId, message.PendingId, ExchangeStatusCodes.RecallAccepted, ExchangeStatusCodes.NameOf(ExchangeStatusCodes.RecallAccepted), cancellationToken)
        : QueueAsync(message.AgencyId, message.PendingId, ExchangeStatusCodes.RecallRefused, message.Reason, cancellationToken);

    private async Task QueueAsync(Guid agencyId, Guid pendingId, string code, string? description, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var package = await db.Set<ExchangeReceivedPackage>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.AgencyId == agencyId && p.PendingId == pendingId, cancellationToken);
        if (package is null || await db.Set<ExchangeStatusReport>().AnyAsync(r => r.ReceivedPackageId == package.Id && r.Code == code, cancellationToken))
        {
            return;
        }

        var report = new ExchangeStatusReport(agencyId, package.Id, code, description, time.GetUtcNow().UtcDateTime);
        db.Add(report);
        outbox.Enqueue(new ExchangeStatusDue(report.Id));
        try
        {
            await unitOfWork.CommitAsync(null, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same status queued at the same moment: the first row stands
        }
    }
}

/// <summary>
/// Sends one owed status package to the sender of the received package (ResponseFor as in the receipt 01 answered)
/// through <see cref="StatusPackages"/>. A failure is kept on the row and thrown, so the outbox retries with back-off.
/// </summary>
public sealed class SendStatusReport(UnitOfWork unitOfWork, StatusPackages statuses, TimeProvider time) : IOutboxHandler<ExchangeStatusDue>
{
    public const string SentAction = "exchange.status.send";

    public async Task HandleAsync(ExchangeStatusDue message, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        if (await db.Set<ExchangeStatusReport>().FirstOrDefaultAsync(r => r.Id == message.ReportId, cancellationToken) is not { SentAt: null } report)
        {
            return;
        }

        var package = await db.Set<ExchangeReceivedPackage>().AsNoTracking().FirstAsync(p => p.Id == report.ReceivedPackageId, cancellationToken);
        try
        {
            var partner = await db.Set<ExchangePartner>().AsNoTracking()
                .FirstOrDefaultAsync(p => p.AgencyId == report.AgencyId && p.OrganId == package.SenderId, cancellationToken)
                ?? throw new ExchangeTransportException("Cơ quan gửi không còn trong danh bạ liên thông.", false);
            var receipt = EdxmlReader.Read(Encoding.UTF8.GetBytes(package.ReceiptXml), new EdxmlLimits()).Status!;
            await statuses.SendAsync(report.AgencyId, partner, receipt.ResponseFor, report.Code, report.Description, report.CreatedAt, cancellationToken);
            report.Sent(time.GetUtcNow().UtcDateTime);
            await unitOfWork.CommitAsync(new AuditEvent(SentAction, "exchange-status", report.Id.ToString(),
                Details: $"{package.SenderId} {package.DocumentId}: {report.Code} {ExchangeStatusCodes.NameOf(report.Code)}"), cancellationToken);
        }
        catch (ExchangeTransportException e)
        {
            report.Failed(e.Message);
            await unitOfWork.CommitAsync(null, cancellationToken);
            throw new InvalidOperationException($"Status {report.Code} for {package.DocumentId} to {package.SenderId} failed: {e.Message}", e);
        }
    }
}

/// <summary>
/// The one way a status package leaves this agency (ADR 0030 §17, §20): the partner must be one it exchanges with now,
/// on a channel that carries statuses; the package (ResponseFor, code, description, timestamp) is built
/// with <see cref="EdxmlWriter"/>, signed with the agency's key and sent. Failures are <see cref="ExchangeTransportException"/>.
/// Used for the statuses a receiver owes (02–06, 15/16) and for the sender's recall request (13).
/// </summary>
public sealed class StatusPackages(IOrganizationDirectory organization, AgencyEdxmlKeys keys, ExchangeTransports transports, TimeProvider time)
{
    public async Task SendAsync(Guid agencyId, ExchangePartner partner, EdxmlResponseFor responseFor, string code, string? description, DateTime timestamp,
        CancellationToken cancellationToken)
    {
        if (partner.RefusalToExchange(time.GetUtcNow().UtcDateTime) is { } refusal)
        {
            throw new ExchangeTransportException(refusal, false);
        }

        var transport = transports.For(partner.Channel) ?? throw new ExchangeTransportException("Kênh của cơ quan này không mang gói tin trạng thái.", false);
        var agency = await organization.FindAgencyAsync(agencyId, cancellationToken) ?? throw new ExchangeTransportException("Không tìm thấy cơ quan.", false);
        var key = await keys.ForAsync(agencyId, cancellationToken)
            ?? throw new ExchangeTransportException("Cơ quan chưa có chứng thư số con dấu để ký gói tin.", false);
        var xml = EdxmlWriter.Build(new EdxmlStatusPackage
        {
            ResponseFor = responseFor,
            From = new EdxmlOrgan(agency.Code, agency.FullName),
            StatusCode = code,
            Description = description,
            Timestamp = timestamp,
        });
        await EdxmlSignature.SignAsync(xml, key, cancellationToken);
        await transport.SendStatusAsync(DeliverPackage.Bytes(xml), partner, cancellationToken);
    }
}
