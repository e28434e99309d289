using System.Net.Http.Headers;
using System.Text.Json;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Exchange.Edxml;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// A failed delivery over a channel: the partner unreachable or refusing (<see cref="Posted"/> false), or a package it
/// took but whose answer did not verify (<see cref="Posted"/> true). The message is Vietnamese, shown on the document.
/// </summary>
public sealed class ExchangeTransportException(string message, bool posted) : Exception(message)
{
    public bool Posted { get; } = posted;
}

/// <summary>
/// One channel to partner agencies (ADR 0030 §9, §15): delivers a signed document package and answers the partner's
/// receipt, verified — signed with the certificate the directory holds for the partner, status 01, for this
/// DocumentId —; delivers a signed status package. Failures are <see cref="ExchangeTransportException"/>.
/// </summary>
public interface IExchangeTransport
{
    ExchangeChannel Channel { get; }

    Task<EdxmlStatusPackage> SendDocumentAsync(byte[] package, string documentId, ExchangePartner partner, CancellationToken cancellationToken);

    Task SendStatusAsync(byte[] package, ExchangePartner partner, CancellationToken cancellationToken);
}

/// <summary>
/// The transports of this installation, by channel. The e-mail channel is no <see cref="IExchangeTransport"/> (it
/// sends the document itself, no package, no receipt — ADR 0030 §26): it is carried when SMTP is configured.
/// </summary>
public sealed class ExchangeTransports(IEnumerable<IExchangeTransport> transports, Email.OfficialMail mail)
{
    public IExchangeTransport? For(ExchangeChannel channel) => transports.FirstOrDefault(t => t.Channel == channel);

    public bool Carries(ExchangeChannel channel) => channel == ExchangeChannel.Email ? mail.CanSend : For(channel) is not null;
}

/// <summary>
/// eOffice to eOffice over HTTPS: the package is POSTed as <c>application/xml</c> to the partner's receive endpoint
/// (the directory's endpoint, <c>…/api/v1/exchange/receive</c>) with the named client <see cref="HttpClientName"/>; a
/// document package is answered by the signed receipt (200 <c>application/xml</c>), a status package by 204.
/// </summary>
public sealed class EofficeHttpsTransport(IHttpClientFactory clients, IConfiguration configuration) : IExchangeTransport
{
    public const string HttpClientName = "exchange";

    public ExchangeChannel Channel => ExchangeChannel.EofficeHttps;

    public async Task<EdxmlStatusPackage> SendDocumentAsync(byte[] package, string documentId, ExchangePartner partner, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(package, partner, cancellationToken);
        return VerifyReceipt(answer, documentId, partner, new EdxmlLimits(MaxBytes: configuration.GetValue("Exchange:MaxPackageBytes", new EdxmlLimits().MaxBytes)));
    }

    public async Task SendStatusAsync(byte[] package, ExchangePartner partner, CancellationToken cancellationToken) =>
        await PostAsync(package, partner, cancellationToken);

    /// <summary>The receipt, checked: a status package 01 from the partner for <paramref name="documentId"/>, signed with the partner's certificate.</summary>
    public static EdxmlStatusPackage VerifyReceipt(byte[] answer, string documentId, ExchangePartner partner, EdxmlLimits limits)
    {
        try
        {
            var parsed = EdxmlReader.Read(answer, limits);
            var status = parsed.Status ?? throw new ExchangeTransportException("Cơ quan nhận không trả lời bằng gói tin trạng thái.", true);
            using var certificate = partner.Certificate() ?? throw new ExchangeTransportException("Chưa có chứng thư số của cơ quan nhận.", true);
            EdxmlSignature.Verify(parsed.Xml, certificate);
            if (status.StatusCode != ExchangeStatusCodes.Arrived || status.ResponseFor.DocumentId != documentId || status.From.OrganId != partner.OrganId)
            {
                throw new ExchangeTransportException($"Xác nhận của cơ quan nhận không khớp văn bản đã gửi (mã trạng thái {status.StatusCode}).", true);
            }

            return status;
        }
        catch (EdxmlRefusedException e)
        {
            throw new ExchangeTransportException("Xác nhận đã đến của cơ quan nhận không hợp lệ: " + e.Message, true);
        }
    }

    private async Task<byte[]> PostAsync(byte[] package, ExchangePartner partner, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(package);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).PostAsync(partner.Endpoint, content, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ExchangeTransportException($"Không kết nối được hệ thống của cơ quan nhận: {e.Message}", false);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ExchangeTransportException($"Hệ thống của cơ quan nhận trả lời {(int)response.StatusCode}: {DetailOf(body)}", false);
            }

            return body;
        }
    }

    private static string DetailOf(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body.Length == 0 ? "" : System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        }
    }
}
