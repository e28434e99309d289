using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Xml;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.IntegrationTests.Platform.Signing;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.UnitTests.Exchange;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Exchange.Edxml;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// Another agency's system posts signed edXML packages to <c>/api/v1/exchange/receive</c> (ADR 0030): a package from a
/// partner arrives in "Chờ tiếp nhận" with its files and its signature check and is answered by the agency's signed
/// receipt 01; the same package again answers the same receipt and creates nothing; hostile, malformed, unsigned,
/// wrongly signed, unknown-sender and oversized packages are refused with 400 and leave nothing behind.
/// </summary>
public abstract class ReceivePackageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private const string Receive = "/api/v1/exchange/receive";

    [DbFact]
    public async Task A_partners_signed_package_arrives_in_pending_with_its_files_and_signature_check_and_is_answered_by_a_signed_receipt_01()
    {
        using var partner = new TestAgencyKey("Sở Nội vụ tỉnh Thử");
        var organId = await AddPartnerAsync(partner);
        var agencyCertificate = await AgencyCertificateAsync();
        var package = Package(organId, "V/v tiếp nhận gói tin liên thông");

        var response = await PostAsync(await SignedAsync(package, partner));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var receipt = EdxmlReader.Read(body, new EdxmlLimits());
        EdxmlSignature.Verify(receipt.Xml, agencyCertificate);
        Assert.Equal(ExchangeStatusCodes.Arrived, receipt.Status!.StatusCode);
        Assert.Equal((package.DocumentId, organId), (receipt.Status.ResponseFor.DocumentId, receipt.Status.ResponseFor.OrganId));
        Assert.Equal(DemoAgency.Code, receipt.Status.From.OrganId);

        var pending = await app.WithDbAsync(db => db.Set<PendingIncoming>().AsNoTracking().Include(p => p.Files)
            .SingleAsync(p => p.ExternalId == package.DocumentId));
        Assert.Equal((organId, "Sở Nội vụ tỉnh Thử", "V/v tiếp nhận gói tin liên thông", "QĐ", Urgency.Urgent),
            (pending.Metadata.IssuingOrganId, pending.Metadata.IssuingOrganName, pending.Metadata.Subject, pending.Metadata.TypeCode, pending.Metadata.Urgency));
        Assert.Equal((ArrivalChannel.Eoffice, true, partner.Certificate.Subject, partner.Certificate.GetCertHashString(HashAlgorithmName.SHA256)),
            (pending.Channel, pending.PackageSignatureValid, pending.PackageSigner, pending.PackageThumbprint));
        Assert.Equal(["12-QD-UBND.pdf", "phu-luc.pdf"], pending.Files.OrderBy(f => f.SortOrder).Select(f => f.FileName));
        Assert.True(pending.Files.Single(f => f.FileName == "12-QD-UBND.pdf").IsMain);
        var stored = await app.WithDbAsync(db => db.Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == pending.Files[0].FileId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(package.Attachments[0].Content)), stored.Sha256);
        var row = await app.WithDbAsync(db => db.Set<ExchangeReceivedPackage>().AsNoTracking().SingleAsync(p => p.DocumentId == package.DocumentId));
        Assert.Equal((pending.Id, organId), (row.PendingId, row.SenderId));
        Assert.Equal(body, Encoding.UTF8.GetBytes(row.ReceiptXml));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "exchange.package.receive" && e.ObjectId == row.Id.ToString())));

        // The clerk sees it in "Chờ tiếp nhận" with the channel and the package's signature check.
        var clerk = await app.SignedInDemoAsync("dtmai");
        var item = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/incoming/pending/{pending.Id}");
        Assert.Equal("Liên thông eOffice", item.GetProperty("channelName").GetString());
        Assert.True(item.GetProperty("packageSignature").GetProperty("isValid").GetBoolean());
        var page = await clerk.GetStringAsync($"/van-ban-den/cho-tiep-nhan/{pending.Id}");
        Assert.Contains("Chữ ký số của gói tin hợp lệ", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(partner.Certificate.Subject), page, StringComparison.Ordinal);
        var list = await clerk.GetStringAsync("/van-ban-den/cho-tiep-nhan");
        Assert.Contains("Liên thông eOffice", list, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_same_package_posted_twice_makes_one_item_and_answers_the_same_receipt_byte_for_byte()
    {
        using var partner = new TestAgencyKey("Sở Y tế tỉnh Thử");
        var organId = await AddPartnerAsync(partner);
        await AgencyCertificateAsync();
        var package = Package(organId, "V/v gửi lại cùng một gói tin");
        var signed = await SignedAsync(package, partner);

        var first = await PostAsync(signed);
        var firstBody = await first.Content.ReadAsByteArrayAsync();
        var before = await CountsAsync();
        var second = await PostAsync(signed);
        var secondBody = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(firstBody, secondBody);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<PendingIncoming>().CountAsync(p => p.ExternalId == package.DocumentId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ExchangeReceivedPackage>().CountAsync(p => p.DocumentId == package.DocumentId)));
    }

    [DbFact]
    public async Task Hostile_malformed_unsigned_wrongly_signed_unknown_and_oversized_packages_are_refused_with_400_and_nothing_is_stored()
    {
        using var partner = new TestAgencyKey("Sở Tư pháp tỉnh Thử");
        using var stranger = new TestAgencyKey("Kẻ mạo danh");
        var organId = await AddPartnerAsync(partner);
        var stoppedId = await AddPartnerAsync(stranger, active: false);
        await AgencyCertificateAsync();
        var unknownId = PartnerDirectoryTests<TApp>.UniqueOrganId();
        var valid = Package(organId, "V/v gói tin hợp lệ để làm hỏng");
        var tampered = Encoding.UTF8.GetString(await SignedAsync(valid, partner)).Replace("V/v gói tin hợp lệ để làm hỏng", "V/v nội dung bị sửa", StringComparison.Ordinal);
        var executable = valid with
        {
            DocumentId = Guid.NewGuid().ToString(),
            Attachments = [new EdxmlAttachment("cid:" + Guid.NewGuid(), "chay-thu.exe", "application/pdf", null, [0x4D, 0x5A, 0x90, 0x00, 3, 0, 0, 0, 4, 0])],
        };
        var status = EdxmlWriter.Build(new EdxmlStatusPackage
        {
            ResponseFor = new EdxmlResponseFor(DemoAgency.Code, "1/UBND", null, "x"), From = new EdxmlOrgan(organId, "Sở Tư pháp"),
            StatusCode = ExchangeStatusCodes.Arrived, Timestamp = DateTime.UtcNow,
        });
        await EdxmlSignature.SignAsync(status, partner, CancellationToken.None);
        var cases = new (string Name, HttpContent Content)[]
        {
            ("not xml", Xml("không phải XML")),
            ("xxe", Xml($"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edXML:edXMLEnvelope xmlns:edXML=\"{EdxmlNames.Namespace}\">&e;</edXML:edXMLEnvelope>")),
            ("billion laughs", Xml("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>")),
            ("wrong namespace", Xml(Encoding.UTF8.GetString(await SignedAsync(valid, partner)).Replace(EdxmlNames.Namespace, "http://example.org/khac", StringComparison.Ordinal))),
            ("unsigned", Xml(Bytes(EdxmlWriter.Build(valid)))),
            ("signed by another key", Xml(await SignedAsync(valid, stranger))),
            ("tampered after signing", Xml(tampered)),
            ("unknown sender", Xml(await SignedAsync(valid with { From = new EdxmlOrgan(unknownId, "Cơ quan lạ") }, stranger))),
            ("stopped partner", Xml(await SignedAsync(valid with { From = new EdxmlOrgan(stoppedId, "Cơ quan đã ngừng") }, stranger))),
            ("to an agency not here", Xml(await SignedAsync(valid with { To = [new EdxmlOrgan("000.00.00.G99", "Nơi khác")] }, partner))),
            ("status package", Xml(Bytes(status))),
            ("executable attachment", Xml(await SignedAsync(executable, partner))),
            ("200 MB streamed", Oversized()),
        };
        var before = await CountsAsync();

        foreach (var (name, content) in cases)
        {
            using var response = await app.AnonymousClient().PostAsync(Receive, content);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {problem}");
            var detail = JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(detail), name);
            Assert.Contains(detail!, c => c > 127); // Vietnamese, with its diacritics
        }

        // A body that is not declared XML does not reach the endpoint: 415, as for every API.
        using var plain = await app.AnonymousClient().PostAsync(Receive,
            new ByteArrayContent(await SignedAsync(valid, partner)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PendingIncoming>().CountAsync(p => p.ExternalId == valid.DocumentId || p.ExternalId == executable.DocumentId)));
        var refusals = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "exchange.package.refuse").Select(e => e.Details).ToListAsync());
        Assert.Contains(refusals, d => d!.StartsWith(organId + ": ", StringComparison.Ordinal) && d.Contains("không hợp lệ", StringComparison.Ordinal));
    }

    [DbFact]
    public async Task A_partner_of_another_agency_cannot_post_into_this_agency()
    {
        using var partner = new TestAgencyKey("Sở Xây dựng tỉnh Khác");
        await AgencyCertificateAsync();
        var other = await app.CreateOtherAgencyAsync();
        var otherAdmin = await app.SignedInClientAsync(other.AdminUserName, TestAccounts.Password);
        var organId = PartnerDirectoryTests<TApp>.UniqueOrganId();
        var added = await otherAdmin.PostAsJsonAsync(PartnerDirectoryTests<TApp>.Partners, new
        {
            organId, name = "Sở Xây dựng tỉnh Khác", channel = "eoffice-https", endpoint = "https://sxd.example/api/v1/exchange/receive",
            certificatePem = partner.PublicCertificate.ExportCertificatePem(),
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var package = Package(organId, "V/v gửi nhầm sang cơ quan không kết nối");
        var before = await CountsAsync();

        var response = await PostAsync(await SignedAsync(package, partner));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không có trong danh bạ liên thông", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [DbFact]
    public async Task The_receive_endpoint_is_in_the_openapi_document_taking_xml_anonymously()
    {
        using var client = await app.SignedInClientAsync();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty(Receive).GetProperty("post");
        Assert.Equal("ReceiveExchangePackage", operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/xml", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }

    /// <summary>Pending items, file rows, blobs in the store and received-package rows.</summary>
    private async Task<(int Pending, int Files, int Blobs, int Packages)> CountsAsync()
    {
        var files = Path.Combine(app.DataPath, "files");
        var blobs = Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Count() : 0;
        return await app.WithDbAsync(async db => (await db.Set<PendingIncoming>().CountAsync(), await db.Set<StoredFile>().CountAsync(), blobs,
            await db.Set<ExchangeReceivedPackage>().CountAsync()));
    }

    private Task<HttpResponseMessage> PostAsync(byte[] package) => app.AnonymousClient().PostAsync(Receive, Xml(package));

    private static ByteArrayContent Xml(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } };

    private static ByteArrayContent Xml(string text) => Xml(Encoding.UTF8.GetBytes(text));

    /// <summary>A package's start then 200 MB of base64, generated while it is sent (never held in memory).</summary>
    private static StreamContent Oversized()
    {
        var head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXMLEnvelope xmlns:edXML=\"{EdxmlNames.Namespace}\"><edXML:AttachmentEncoded><edXML:Attachment><edXML:ContentTransferEncoded>");
        var content = new StreamContent(new GeneratedStream(head, 200L * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return content;
    }

    private async Task<string> AddPartnerAsync(TestAgencyKey key, bool active = true)
    {
        var admin = await app.SignedInClientAsync();
        var organId = PartnerDirectoryTests<TApp>.UniqueOrganId();
        var created = await admin.PostAsJsonAsync(PartnerDirectoryTests<TApp>.Partners, new
        {
            organId, name = key.Certificate.GetNameInfo(X509NameType.SimpleName, false), channel = "eoffice-https",
            endpoint = "https://doi-tac.example/api/v1/exchange/receive", certificatePem = key.PublicCertificate.ExportCertificatePem(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        if (!active)
        {
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var stopped = await admin.PutAsJsonAsync($"{PartnerDirectoryTests<TApp>.Partners}/{id}", new
            {
                organId, name = "Cơ quan đã ngừng", channel = "eoffice-https", endpoint = "https://doi-tac.example/api/v1/exchange/receive", isActive = false,
            });
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        }

        return organId;
    }

    /// <summary>The demo agency's seal certificate with a server-held key (registered once per application), without its key.</summary>
    private async Task<X509Certificate2> AgencyCertificateAsync()
    {
        var agencyId = await app.DemoAgencyIdAsync();
        if (await app.WithServiceAsync<IAgencyXmlSigning, X509Certificate2?>(s => s.CertificateAsync(agencyId, CancellationToken.None)) is null)
        {
            var pki = new TestPki();
            var seal = pki.IssueSeal();
            var admin = await app.SignedInClientAsync();
            var registered = await admin.PostAsJsonAsync("/api/v1/signing/certificates", new
            {
                use = "agency-seal", location = "server-file", keyFileBase64 = Convert.ToBase64String(pki.ExportPkcs12(seal)), keyFilePassword = TestPki.Pkcs12Password,
            });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var certificate = await app.WithServiceAsync<IAgencyXmlSigning, X509Certificate2?>(s => s.CertificateAsync(agencyId, CancellationToken.None));
        return X509CertificateLoader.LoadCertificate(certificate!.RawData);
    }

    private static EdxmlDocumentPackage Package(string senderId, string subject) => new()
    {
        From = new EdxmlOrgan(senderId, "Sở Nội vụ tỉnh Thử"),
        To = [new EdxmlOrgan(DemoAgency.Code, "Cơ quan nhận")],
        DocumentId = $"{senderId},2026/12/01,12/QĐ-UBND,{Guid.NewGuid():N}",
        Code = new EdxmlCode("12", "QĐ-UBND"),
        PromulgationDate = new DateOnly(2026, 12, 1),
        DocumentType = new EdxmlDocumentType("1", null, "Quyết định"),
        Subject = subject,
        Signer = new EdxmlSigner(null, "Giám đốc", "Trần Văn Bình"),
        OtherInfo = new EdxmlOtherInfo(1, PageAmount: 2),
        Attachments =
        [
            new EdxmlAttachment("cid:" + Guid.NewGuid(), "12-QD-UBND.pdf", "application/pdf", "Văn bản chính", FileStoreClient.Pdf(4_000)),
            new EdxmlAttachment("cid:" + Guid.NewGuid(), "phu-luc.pdf", "application/pdf", "Phụ lục", FileStoreClient.Pdf(3_000)),
        ],
    };

    private static async Task<byte[]> SignedAsync(EdxmlDocumentPackage package, TestAgencyKey key)
    {
        var xml = EdxmlWriter.Build(package);
        await EdxmlSignature.SignAsync(xml, key, CancellationToken.None);
        return Bytes(xml);
    }

    private static byte[] Bytes(XmlDocument xml)
    {
        using var memory = new MemoryStream();
        xml.Save(memory);
        return memory.ToArray();
    }

    /// <summary>A read-only stream of <c>head</c> then 'A's up to <c>length</c> bytes.</summary>
    private sealed class GeneratedStream(byte[] head, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                var at = position + i;
                buffer[offset + i] = at < head.Length ? head[at] : (byte)'A';
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class ReceivePackageTestsOnSqlite(SqliteApp app) : ReceivePackageTests<SqliteApp>(app);

public sealed class ReceivePackageTestsOnPostgres(PostgresApp app) : ReceivePackageTests<PostgresApp>(app), IPostgresSuite;
