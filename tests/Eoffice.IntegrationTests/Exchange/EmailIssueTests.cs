using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Exchange.Email;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>An instance whose official e-mail goes to a real SMTP server inside the test, its outbox retrying quickly.</summary>
public interface IMailingApp
{
    TestSmtpServer Smtp { get; }
}

internal static class MailingSettings
{
    public const string FromAddress = "vanthu@demo.gov.vn";

    public static IDictionary<string, string?> Values(TestSmtpServer smtp)
    {
        var values = ExchangeInstanceSettings.Values;
        values["Exchange:Email:Smtp:Host"] = "127.0.0.1";
        values["Exchange:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["Exchange:Email:Smtp:Security"] = "none";
        values["Exchange:Email:Smtp:Timeout"] = "00:00:10";
        values["Exchange:Email:FromAddress"] = FromAddress;
        return values;
    }
}

public sealed class MailingSqliteApp : SqliteApp, IMailingApp
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => MailingSettings.Values(Smtp);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class MailingPostgresApp : PostgresApp, IMailingApp
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => MailingSettings.Values(Smtp);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Issuing to an agency without a system (ADR 0030 §23): an official e-mail from the agency's address to the partner's,
/// the number/symbol and subject in its subject line, a Vietnamese body, the signed PDF and the annexes attached, sent
/// through the outbox to a real SMTP server; the delivery shows "Đã gửi thư điện tử". A server that refuses or cannot
/// be reached leaves the delivery queued with the error, and the outbox retries until the message goes.
/// </summary>
public abstract class EmailIssueTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, IMailingApp
{
    [DbFact]
    public async Task A_document_issued_to_an_email_partner_arrives_at_the_smtp_server_with_its_subject_headers_and_the_signed_pdf()
    {
        var (organId, address) = await EmailPartnerAsync("Ủy ban nhân dân xã Thử Nghiệm");
        var (id, subject) = await IssueAsync("Kế hoạch tổ chức hội nghị", organId, "Ủy ban nhân dân xã Thử Nghiệm");

        var delivery = await DeliveryAsync(id, d => d.GetProperty("state").GetString() == "mailed");
        Assert.Equal(("email", "Đã gửi thư điện tử", organId), (delivery.GetProperty("channel").GetString(), delivery.GetProperty("stateName").GetString(),
            delivery.GetProperty("organId").GetString()));
        Assert.Empty(delivery.GetProperty("statuses").EnumerateArray());
        Assert.False(delivery.GetProperty("canRecall").GetBoolean());

        var mail = Assert.Single(await app.Smtp.MessagesToAsync(address));
        var issued = (await app.WithServiceAsync<IIssuedDocuments, IssuedDocument?>(d => d.IssuedAsync(id, CancellationToken.None)))!;
        var agency = (await app.WithServiceAsync<IOrganizationDirectory, AgencyInfo?>(o => o.FindAgencyAsync(issued.AgencyId)))!;
        var from = agency.Email ?? MailingSettings.FromAddress;
        Assert.Equal(from, mail.EnvelopeFrom, ignoreCase: true);
        var message = mail.Message;
        Assert.Equal((agency.FullName, from), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal(address, message.To.Mailboxes.Single().Address);
        Assert.Equal($"Công văn số {issued.CodeNumber}/{issued.CodeNotation} ngày {issued.IssuedDate:dd/MM/yyyy}: {subject}", message.Subject);
        Assert.Equal(delivery.GetProperty("packageDocumentId").GetString(), message.Headers[OfficialMail.DocumentIdHeader]);
        Assert.Equal(agency.Code, message.Headers[OfficialMail.OrganIdHeader]);
        Assert.Equal($"{delivery.GetProperty("id").GetGuid():N}@{from[(from.IndexOf('@') + 1)..]}", message.MessageId);
        Assert.Contains($"Kính gửi: Ủy ban nhân dân xã Thử Nghiệm.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"về việc: {subject}", message.TextBody, StringComparison.Ordinal);

        // Every file of the issued document, byte for byte; the signed PDF first.
        var attachments = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(issued.Files.Count, attachments.Count);
        foreach (var (file, part) in issued.Files.Zip(attachments))
        {
            Assert.Equal(file.FileName, part.FileName);
            Assert.Equal(await StoredBytesAsync(file.FileId), Decoded(part));
        }

        var main = attachments[0];
        Assert.Equal("application/pdf", main.ContentType.MimeType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(Decoded(main), 0, 4), StringComparison.Ordinal);

        // Sent once: the delivery is done, the outbox has nothing more to send to this partner.
        await app.OutboxDrainedAsync();
        Assert.Single(await app.Smtp.MessagesToAsync(address));
    }

    [DbFact]
    public async Task A_refusing_or_unreachable_smtp_server_leaves_the_delivery_queued_with_the_error_and_it_is_retried_until_the_mail_goes()
    {
        var (organId, address) = await EmailPartnerAsync("Ủy ban nhân dân xã Thử Lại");
        app.Smtp.Refusing = true;
        Guid refusedId;
        try
        {
            (refusedId, _) = await IssueAsync("Thông báo lịch trực", organId, "Ủy ban nhân dân xã Thử Lại");
            var queued = await DeliveryAsync(refusedId, d => d.GetProperty("attempts").GetInt32() >= 2);
            Assert.Equal("queued", queued.GetProperty("state").GetString());
            Assert.Contains("Máy chủ thư từ chối", queued.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            app.Smtp.Refusing = false;
        }

        var mailed = await DeliveryAsync(refusedId, d => d.GetProperty("state").GetString() == "mailed");
        Assert.Null(mailed.GetProperty("lastError").GetString());
        Assert.Single(await app.Smtp.MessagesToAsync(address));

        await app.Smtp.StopAsync();
        Guid unreachableId;
        try
        {
            (unreachableId, _) = await IssueAsync("Báo cáo tổng hợp tháng", organId, "Ủy ban nhân dân xã Thử Lại");
            var queued = await DeliveryAsync(unreachableId, d => d.GetProperty("attempts").GetInt32() >= 2);
            Assert.Equal("queued", queued.GetProperty("state").GetString());
            Assert.Contains("Không gửi được thư qua máy chủ 127.0.0.1", queued.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            app.Smtp.Start();
        }

        await DeliveryAsync(unreachableId, d => d.GetProperty("state").GetString() == "mailed");
        Assert.Equal(2, (await app.Smtp.MessagesToAsync(address)).Count);
    }

    private async Task<(string OrganId, string Address)> EmailPartnerAsync(string name)
    {
        var organId = PartnerDirectoryTests<TApp>.UniqueOrganId();
        var address = $"vanthu.{Guid.NewGuid().ToString("N")[..8]}@xa.test.gov.vn";
        var created = await (await app.SignedInClientAsync()).PostAsJsonAsync(PartnerDirectoryTests<TApp>.Partners,
            new { organId, name, channel = "email", endpoint = address });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (organId, address);
    }

    private async Task<(Guid Id, string Subject)> IssueAsync(string title, string organId, string name)
    {
        var subject = $"{title} {Guid.NewGuid().ToString("N")[..6]}";
        var drafts = new SignedDrafts(app);
        var id = await drafts.SignedAsync(subject, OutgoingKit.Draft(subject, await drafts.DeputyIdAsync(),
            recipients: [new { kind = "organ", name, organCode = organId, channel = "email" }]));
        var issued = await (await app.SignedInDemoAsync("dtmai")).ActOutAsync(id, "issue", new { });
        Assert.True(issued.GetProperty("issued").GetBoolean(), issued.ToString());
        return (id, subject);
    }

    private async Task<JsonElement> DeliveryAsync(Guid outgoingId, Func<JsonElement, bool> until)
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            var list = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/deliveries?outgoingId={outgoingId}");
            if (list.GetArrayLength() == 1 && until(last = list[0]))
            {
                return last;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The delivery did not reach the expected state in 30 s: {last}");
        return last;
    }

    private async Task<byte[]> StoredBytesAsync(Guid fileId)
    {
        using var scope = app.Services.CreateScope();
        await using var opened = await scope.ServiceProvider.GetRequiredService<FileStore>().OpenReadAsSystemAsync(fileId);
        using var memory = new MemoryStream();
        await opened.Content.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static byte[] Decoded(MimePart part)
    {
        using var memory = new MemoryStream();
        part.Content!.DecodeTo(memory);
        return memory.ToArray();
    }
}

public sealed class EmailIssueTestsOnSqlite(MailingSqliteApp app) : EmailIssueTests<MailingSqliteApp>(app);

public sealed class EmailIssueTestsOnPostgres(MailingPostgresApp app) : EmailIssueTests<MailingPostgresApp>(app), IPostgresSuite;
