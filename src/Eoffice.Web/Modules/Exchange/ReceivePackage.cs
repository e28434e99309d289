using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Exchange.Edxml;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// Another agency's system pushes a signed edXML document package (ADR 0030 §3, §4, §7, §8). Anonymous at the HTTP
/// level, the package is authenticated by its signature: read safely (size, DTD, depth, namespace), the receiving
/// agency is the <c>To</c> organ hosted here whose exchange directory holds the <c>From</c> organ as an active partner,
/// the signature is verified with the certificate the directory holds, then the document goes to "Chờ tiếp nhận"
/// through <see cref="IElectronicArrivals"/> and the answer is the agency's signed status package 01 (đã đến), kept
/// with the package row. The same package again (agency, sender, DocumentId) answers the stored receipt, byte for
/// byte, and creates nothing. Every refusal is a 400 with a Vietnamese <c>detail</c>, stores nothing and is audited.
/// <c>POST /api/v1/exchange/receive</c>.
/// </summary>
public sealed class ReceivePackage(
    UnitOfWork unitOfWork,
    IOrganizationDirectory organization,
    AgencyEdxmlKeys keys,
    IElectronicArrivals arrivals,
    IAuditLog audit,
    IConfiguration configuration,
    TimeProvider time)
{
    public const string ReceivedAction = "exchange.package.receive";
    public const string RepeatedAction = "exchange.package.receive-again";
    public const string RefusedAction = "exchange.package.refuse";
    public const string StatusAction = "exchange.status.receive";
    public const string RecallAction = "exchange.recall.receive";
    public const string AuditObjectType = "exchange-package";
    public const string RefusalTitle = "Gói tin không được tiếp nhận.";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A package refused before anything was stored: what to tell the sender.</summary>
    public sealed class RefusedException(string message) : Exception(message);

    /// <summary>The limits of a package (<c>Exchange:MaxPackageBytes</c>, 50 MB unless configured).</summary>
    public EdxmlLimits Limits => new(MaxBytes: configuration.GetValue("Exchange:MaxPackageBytes", new EdxmlLimits().MaxBytes));

    /// <summary>
    /// The receipt's bytes for a document package, null for an accepted status package; throws <see cref="RefusedException"/>
    /// (audited, nothing stored) for a package not received.
    /// </summary>
    public async Task<byte[]?> HandleAsync(Stream body, CancellationToken cancellationToken)
    {
        string? sender = null;
        try
        {
            var parsed = await ReadAsync(body, cancellationToken);
            if (parsed.Status is { } status)
            {
                sender = status.From.OrganId;
                await (status.StatusCode == ExchangeStatusCodes.RecallRequested
                    ? RecallAsync(parsed, status, cancellationToken)
                    : StatusAsync(parsed, status, cancellationToken));
                return null;
            }

            var package = parsed.Document!;
            sender = package.From.OrganId;
            var (agency, partner) = await ReceiverAsync(package, cancellationToken);
            using var certificate = partner.Certificate()!;
            EdxmlSignature.Verify(parsed.Xml, certificate);

            if (await StoredAsync(agency.Id, package, cancellationToken) is { } stored)
            {
                await audit.RecordAsync(new AuditEvent(RepeatedAction, AuditObjectType, stored.Id.ToString(),
                    Details: $"{Describe(package)}: đã nhận trước đó, gửi lại xác nhận đã đến."), cancellationToken);
                return Utf8.GetBytes(stored.ReceiptXml);
            }

            var receipt = await ReceiptAsync(agency, package, cancellationToken);
            var outcome = await arrivals.ReceiveAsync(ArrivalOf(agency, partner, package, certificate), cancellationToken);
            var row = new ExchangeReceivedPackage(agency.Id, package.From.OrganId, package.DocumentId, time.GetUtcNow().UtcDateTime, outcome.PendingId, receipt);
            unitOfWork.Db.Add(row);
            try
            {
                await unitOfWork.CommitAsync(new AuditEvent(ReceivedAction, AuditObjectType, row.Id.ToString(),
                    Details: $"{Describe(package)} → chờ tiếp nhận {outcome.PendingId}" + (outcome.IsNew ? "" : " (đã có từ trước)")), cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same package delivered twice at once: the first one's row and receipt answer both.
                unitOfWork.Db.ChangeTracker.Clear();
                if (await StoredAsync(agency.Id, package, cancellationToken) is { } first)
                {
                    return Utf8.GetBytes(first.ReceiptXml);
                }

                throw;
            }

            return Utf8.GetBytes(receipt);
        }
        catch (Exception e) when (e is EdxmlRefusedException or RefusedException or RuleException)
        {
            // Nothing of this package is kept: whatever a failing step left tracked is dropped before the audit entry is written.
            unitOfWork.Db.ChangeTracker.Clear();
            var reason = e is RuleException rule && rule is not Platform.Storage.FileRejectedException ? "Gói tin không hợp lệ: " + rule.Message : e.Message;
            await audit.RecordAsync(new AuditEvent(RefusedAction, AuditObjectType, null, AuditOutcome.Failure,
                $"{(sender is null ? "Bên gửi không xác định" : Cut(sender, 35))}: {reason}"), cancellationToken);
            throw new RefusedException(reason);
        }
    }

    /// <summary>
    /// A status about a document this instance sent (ADR 0030 §18): the agency is the <c>ResponseFor</c> organ hosted
    /// here, the sender a partner of it, the signature verified with the partner's certificate, the delivery found by
    /// (agency, DocumentId, partner); the status is kept once per code (a repeat changes nothing) and moves the state.
    /// </summary>
    private async Task StatusAsync(EdxmlParsed parsed, EdxmlStatusPackage status, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var now = time.GetUtcNow().UtcDateTime;
        var agency = await organization.FindAgencyByCodeAsync(status.ResponseFor.OrganId, cancellationToken) is { IsActive: true } a ? a
            : throw new RefusedException("Gói tin trạng thái không dành cho cơ quan nào dùng hệ thống này.");
        var partner = await db.Set<ExchangePartner>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.AgencyId == agency.Id && p.OrganId == status.From.OrganId, cancellationToken)
            ?? throw new RefusedException($"Cơ quan gửi {Cut(status.From.OrganId, 35)} không có trong danh bạ liên thông của cơ quan nhận.");
        if (partner.RefusalToExchange(now) is { } refusal)
        {
            throw new RefusedException(refusal);
        }

        using (var certificate = partner.Certificate()!)
        {
            EdxmlSignature.Verify(parsed.Xml, certificate);
        }

        var delivery = await db.Set<ExchangeDelivery>()
            .FirstOrDefaultAsync(d => d.AgencyId == agency.Id && d.PackageDocumentId == status.ResponseFor.DocumentId && d.OrganId == partner.OrganId, cancellationToken)
            ?? throw new RefusedException("Không có văn bản nào đã gửi cơ quan này với mã văn bản của gói tin trạng thái.");
        var answersRecall = status.StatusCode is ExchangeStatusCodes.RecallAccepted or ExchangeStatusCodes.RecallRefused;
        if (ExchangeDelivery.StateOf(status.StatusCode) is null && !answersRecall)
        {
            throw new RefusedException($"Mã trạng thái {Cut(status.StatusCode, 2)} chưa được tiếp nhận tại đây.");
        }

        if (await db.Set<ExchangeDeliveryStatus>().AnyAsync(s => s.DeliveryId == delivery.Id && s.Code == status.StatusCode, cancellationToken))
        {
            return;
        }

        if (answersRecall)
        {
            if (!delivery.AnswerRecall(status.StatusCode, status.Description, now))
            {
                throw new RefusedException("Văn bản này không có yêu cầu thu hồi nào đang chờ trả lời.");
            }
        }
        else
        {
            delivery.Apply(status.StatusCode, status.Description, now);
        }
        db.Add(new ExchangeDeliveryStatus(delivery.Id, status.StatusCode, status.Description, status.Timestamp, now));
        try
        {
            await unitOfWork.CommitAsync(new AuditEvent(StatusAction, "exchange-delivery", delivery.Id.ToString(),
                Details: $"{Cut(partner.OrganId, 35)} {Cut(status.ResponseFor.DocumentId, 100)}: {status.StatusCode} {ExchangeStatusCodes.NameOf(status.StatusCode)}"
                    + (status.Description is { Length: > 0 } d ? $" — {Cut(d, 300)}" : "")), cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or RuleException)
        {
            // The same status (or another for this delivery) at the same moment: the first stands; the sender may repeat.
            db.ChangeTracker.Clear();
            if (!await db.Set<ExchangeDeliveryStatus>().AnyAsync(s => s.DeliveryId == delivery.Id && s.Code == status.StatusCode, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// A sender's recall request (status 13, ADR 0030 §21): the document packages <c>From</c> delivered here with the
    /// <c>ResponseFor</c> DocumentId — none means the partner did not send that document, a 400 refusal —, each in an
    /// agency whose directory holds the sender as an active partner, the signature verified with its certificate; the
    /// request goes to the arrival through <see cref="IElectronicArrivals.RecallRequestedAsync"/> (a repeat changes nothing).
    /// </summary>
    private async Task RecallAsync(EdxmlParsed parsed, EdxmlStatusPackage status, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var now = time.GetUtcNow().UtcDateTime;
        var packages = await db.Set<ExchangeReceivedPackage>().AsNoTracking()
            .Where(p => p.SenderId == status.From.OrganId && p.DocumentId == status.ResponseFor.DocumentId).ToListAsync(cancellationToken);
        if (packages.Count == 0)
        {
            throw new RefusedException($"Cơ quan {Cut(status.From.OrganId, 35)} không gửi văn bản {Cut(status.ResponseFor.DocumentId, 100)} đến đây; yêu cầu thu hồi không được tiếp nhận.");
        }

        var reason = string.IsNullOrWhiteSpace(status.Description) ? "Cơ quan gửi không ghi lý do." : status.Description.Trim();
        var recalled = 0;
        foreach (var package in packages)
        {
            var partner = await db.Set<ExchangePartner>().AsNoTracking()
                .SingleOrDefaultAsync(p => p.AgencyId == package.AgencyId && p.OrganId == status.From.OrganId, cancellationToken);
            if (partner is null || partner.RefusalToExchange(now) is not null)
            {
                continue;
            }

            using (var certificate = partner.Certificate()!)
            {
                EdxmlSignature.Verify(parsed.Xml, certificate);
            }

            recalled++;
            if (await arrivals.RecallRequestedAsync(new ArrivalRecall(package.AgencyId, package.PendingId, reason, status.Timestamp), cancellationToken))
            {
                await audit.RecordAsync(new AuditEvent(RecallAction, AuditObjectType, package.Id.ToString(),
                    Details: $"{Cut(status.From.OrganId, 35)} {Cut(package.DocumentId, 100)}: yêu cầu thu hồi. Lý do: {Cut(reason, 300)}"), cancellationToken);
            }
        }

        if (recalled == 0)
        {
            throw new RefusedException($"Cơ quan gửi {Cut(status.From.OrganId, 35)} không có trong danh bạ liên thông của cơ quan nhận.");
        }
    }

    private async Task<EdxmlParsed> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await EdxmlReader.ReadAsync(body, Limits, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            throw new EdxmlRefusedException(EdxmlRefusal.TooLarge, $"Gói tin vượt quá dung lượng cho phép ({Limits.MaxBytes / (1024 * 1024)} MB).");
        }
    }

    /// <summary>The receiving agency (a <c>To</c> organ hosted here) whose directory holds the sender as a partner it exchanges with now.</summary>
    private async Task<(AgencyInfo Agency, ExchangePartner Partner)> ReceiverAsync(EdxmlDocumentPackage package, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        string? refusal = null;
        foreach (var to in package.To.Select(t => t.OrganId).Distinct(StringComparer.Ordinal))
        {
            if (await organization.FindAgencyByCodeAsync(to, cancellationToken) is not { IsActive: true } agency)
            {
                continue;
            }

            var partner = await unitOfWork.Db.Set<ExchangePartner>().AsNoTracking()
                .SingleOrDefaultAsync(p => p.AgencyId == agency.Id && p.OrganId == package.From.OrganId, cancellationToken);
            if (partner is null)
            {
                continue;
            }

            refusal = partner.RefusalToExchange(now);
            if (refusal is null)
            {
                return (agency, partner);
            }
        }

        throw new RefusedException(refusal
            ?? $"Cơ quan gửi {Cut(package.From.OrganId, 35)} không có trong danh bạ liên thông của cơ quan nhận, hoặc cơ quan nhận không dùng hệ thống này.");
    }

    private Task<ExchangeReceivedPackage?> StoredAsync(Guid agencyId, EdxmlDocumentPackage package, CancellationToken cancellationToken) =>
        unitOfWork.Db.Set<ExchangeReceivedPackage>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.AgencyId == agencyId && p.SenderId == package.From.OrganId && p.DocumentId == package.DocumentId, cancellationToken);

    /// <summary>The signed status package 01 for <paramref name="package"/>, as text.</summary>
    private async Task<string> ReceiptAsync(AgencyInfo agency, EdxmlDocumentPackage package, CancellationToken cancellationToken)
    {
        var key = await keys.ForAsync(agency.Id, cancellationToken)
            ?? throw new RefusedException("Cơ quan nhận chưa có chứng thư số con dấu để ký xác nhận đã đến; gói tin chưa được tiếp nhận, vui lòng gửi lại sau.");
        var xml = EdxmlWriter.Build(new EdxmlStatusPackage
        {
            ResponseFor = new EdxmlResponseFor(package.From.OrganId, package.Code.ToString(), package.PromulgationDate, package.DocumentId),
            From = new EdxmlOrgan(agency.Code, agency.FullName),
            StatusCode = ExchangeStatusCodes.Arrived,
            Description = ExchangeStatusCodes.NameOf(ExchangeStatusCodes.Arrived),
            Timestamp = time.GetUtcNow().UtcDateTime,
        });
        await EdxmlSignature.SignAsync(xml, key, cancellationToken);
        using var memory = new MemoryStream();
        using (var writer = XmlWriter.Create(memory, new XmlWriterSettings { Encoding = Utf8 }))
        {
            xml.Save(writer);
        }

        return Utf8.GetString(memory.ToArray());
    }

    private static ElectronicArrival ArrivalOf(AgencyInfo agency, ExchangePartner partner, EdxmlDocumentPackage package, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var signer = package.Signer;
        var document = new ArrivalDocument(TypeCodeOf(package), package.Code.CodeNumber, package.Code.CodeNotation, package.PromulgationDate, package.Subject,
            UrgencyOf(package.OtherInfo.Priority), signer?.Position, signer?.FullName, package.DueDate,
            package.OtherInfo.PageAmount is { } pages && pages > 0 ? pages : null);
        var files = package.Attachments.Select(a => ArrivalFile.FromContent(a.AttachmentName, a.ContentType, a.Content)).ToList();
        var main = package.Attachments.ToList().FindIndex(a => a.ContentType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase));
        return new ElectronicArrival(agency.Id, package.DocumentId,
            new ArrivalSender(package.From.OrganId, package.From.OrganName.Length > 0 ? package.From.OrganName : partner.Name), ArrivalChannel.Eoffice,
            document, Confidentiality.None, files, Math.Max(main, 0),
            new PackageSignatureCheck(true, certificate.Subject, certificate.GetCertHashString(HashAlgorithmName.SHA256)));
    }

    /// <summary>The document type by its name (QCVN 102 <c>TypeName</c>), else by the notation's first part (QĐ-UBND), else a letter (công văn).</summary>
    internal static string TypeCodeOf(EdxmlDocumentPackage package)
    {
        var name = VietnameseText.Fold(package.DocumentType.TypeName);
        var abbreviation = package.Code.CodeNotation.Split('-', 2)[0].Trim();
        return (DocumentTypes.All.FirstOrDefault(t => VietnameseText.Fold(t.Name) == name)
            ?? DocumentTypes.All.FirstOrDefault(t => t.Abbreviation == abbreviation))?.Code ?? DocumentTypes.OfficialLetterCode;
    }

    /// <summary>QCVN 102 priority (REQUIREMENTS §3.2.2): 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ.</summary>
    internal static Urgency UrgencyOf(int priority) => priority switch
    {
        1 => Urgency.Urgent,
        2 => Urgency.VeryUrgent,
        >= 3 => Urgency.Flash,
        _ => Urgency.Normal,
    };

    private static string Describe(EdxmlDocumentPackage package) =>
        $"{Cut(package.From.OrganId, 35)} {Cut(package.From.OrganName, 200)}: {Cut(package.Code.ToString(), 50)} — {Cut(package.Subject, 200)} ({Cut(package.DocumentId, 100)})";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/receive", async Task<Results<FileContentHttpResult, NoContent, ProblemHttpResult>> (HttpContext http, ReceivePackage handler, CancellationToken ct) =>
            {
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = handler.Limits.MaxBytes + 64 * 1024; // the reader refuses first, with its own message
                }

                try
                {
                    return await handler.HandleAsync(http.Request.Body, ct) is { } receipt
                        ? TypedResults.Bytes(receipt, "application/xml")
                        : TypedResults.NoContent();
                }
                catch (RefusedException e)
                {
                    return Refused(e.Message);
                }
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(PublicRateLimit.ExchangePolicy)
            .Accepts<string>("application/xml", "text/xml") // the package as XML text; another content type is answered 415 before the handler
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ReceiveExchangePackage")
            .WithSummary("Nhận gói tin văn bản edXML đã ký số từ hệ thống của cơ quan khác (trả lời gói tin trạng thái 01 đã đến, đã ký số), hoặc gói tin trạng thái về văn bản đã gửi (trả lời 204).");

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: RefusalTitle);
}
