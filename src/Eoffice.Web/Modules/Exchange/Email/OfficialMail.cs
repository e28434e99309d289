using System.Globalization;
using System.Net.Sockets;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Eoffice.Web.Modules.Exchange.Email;

/// <summary>A file of the issued document as it is sent: name, content type, content.</summary>
public sealed record OutgoingFile(string FileName, string ContentType, bool IsMain, byte[] Content);

/// <summary>
/// Issuing by official e-mail (ADR 0030 §26): the message to a partner on the e-mail channel — from the agency's
/// official address, to the partner's, the subject with the number/symbol and the subject line, a Vietnamese body,
/// the signed PDF and the annexes attached — sent over SMTP with MailKit. The Message-Id is the delivery's, so a
/// retry after a lost answer sends the same message again (the receiver's intake takes it once). Failures are
/// <see cref="ExchangeTransportException"/> (not posted), which the outbox retries.
/// </summary>
public sealed class OfficialMail(IOptions<OfficialMailOptions> options)
{
    public const string DocumentIdHeader = "X-Eoffice-Document-Id";
    public const string OrganIdHeader = "X-Eoffice-Organ-Id";

    public bool CanSend => options.Value.Smtp.IsConfigured;

    /// <summary>The address mail is sent from: the agency's official e-mail, else <c>Exchange:Email:FromAddress</c>.</summary>
    public string? FromAddressOf(AgencyInfo agency) =>
        !string.IsNullOrWhiteSpace(agency.Email) ? agency.Email.Trim() : string.IsNullOrWhiteSpace(options.Value.FromAddress) ? null : options.Value.FromAddress.Trim();

    public static string SubjectOf(IssuedDocument document)
    {
        var code = string.IsNullOrEmpty(document.CodeNotation) ? document.CodeNumber : $"{document.CodeNumber}/{document.CodeNotation}";
        return $"{document.TypeName} số {code} ngày {document.IssuedDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: {document.Subject}";
    }

    public MimeMessage Compose(ExchangeDelivery delivery, ExchangePartner partner, AgencyInfo agency, IssuedDocument document, IReadOnlyList<OutgoingFile> files,
        DateTimeOffset now)
    {
        var from = FromAddressOf(agency)
            ?? throw new ExchangeTransportException("Cơ quan chưa có địa chỉ thư điện tử công vụ để gửi văn bản (Tổ chức → Cơ quan, hoặc Exchange:Email:FromAddress).", false);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(agency.FullName, from));
        message.To.Add(new MailboxAddress(partner.Name, partner.Endpoint));
        message.Subject = SubjectOf(document);
        message.Date = now;
        message.MessageId = $"{delivery.Id:N}@{DomainOf(from)}";
        message.Headers.Add(DocumentIdHeader, delivery.PackageDocumentId);
        message.Headers.Add(OrganIdHeader, agency.Code);
        if (document.Urgency != Urgency.Normal)
        {
            message.Priority = MessagePriority.Urgent;
        }

        var body = new BodyBuilder { TextBody = BodyOf(partner, agency, document, files) };
        foreach (var file in files)
        {
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.IsConfigured)
        {
            throw new ExchangeTransportException("Chưa cấu hình máy chủ gửi thư (Exchange:Email:Smtp).", false);
        }

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, MailSecurity.Parse(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            throw new ExchangeTransportException($"Máy chủ thư từ chối ({(int)e.StatusCode}): {e.Message}", false);
        }
        catch (Exception e) when (e is SocketException or IOException or ProtocolException or AuthenticationException or SslHandshakeException
                                      or ServiceNotConnectedException or TimeoutException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ExchangeTransportException($"Không gửi được thư qua máy chủ {smtp.Host}:{smtp.Port}: {e.Message}", false);
        }
    }

    private static string BodyOf(ExchangePartner partner, AgencyInfo agency, IssuedDocument document, IReadOnlyList<OutgoingFile> files)
    {
        var code = string.IsNullOrEmpty(document.CodeNotation) ? document.CodeNumber : $"{document.CodeNumber}/{document.CodeNotation}";
        var lines = new List<string>
        {
            $"Kính gửi: {partner.Name}.",
            "",
            $"{agency.FullName} gửi {document.TypeName.ToLowerInvariant()} số {code} ngày {document.IssuedDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} về việc: {document.Subject}.",
        };
        if (document.DueDate is { } due)
        {
            lines.Add($"Hạn xử lý: {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
        }

        lines.Add("");
        lines.Add("Tệp đính kèm:");
        lines.AddRange(files.Select(f => $"- {f.FileName}{(f.IsMain ? " (văn bản điện tử có chữ ký số)" : " (phụ lục)")}"));
        lines.Add("");
        lines.Add($"Văn bản được gửi từ hệ thống quản lý văn bản của {agency.FullName} (mã định danh {agency.Code}); bản điện tử có chữ ký số là bản gốc.");
        lines.Add("Đề nghị quý cơ quan tiếp nhận và trả lời về địa chỉ thư điện tử công vụ này khi cần.");
        return string.Join("\r\n", lines);
    }

    private static string DomainOf(string address) => address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..] : "eoffice.local";
}
