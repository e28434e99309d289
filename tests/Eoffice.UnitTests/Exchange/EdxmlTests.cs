using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Eoffice.Web.Modules.Exchange.Edxml;

namespace Eoffice.UnitTests.Exchange;

public sealed class EdxmlTests : IDisposable
{
    private static readonly EdxmlLimits Limits = new();
    private readonly TestAgencyKey sender = new("UBND tinh Nghe An");
    private readonly TestAgencyKey stranger = new("Ke gia mao");

    public void Dispose()
    {
        sender.Dispose();
        stranger.Dispose();
    }

    public static EdxmlDocumentPackage SamplePackage() => new()
    {
        From = new EdxmlOrgan("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An", "000.00.00.H41", "Số 3 Trường Thi, TP Vinh", "vanthu@nghean.gov.vn", "0238.3844000"),
        To = [new EdxmlOrgan("000.00.00.G22", "Văn phòng Chính phủ"), new EdxmlOrgan("000.00.00.G09", "Bộ Nội vụ")],
        DocumentId = "000.00.00.H41,2026/12/01,1234/UBND-VX",
        Code = new EdxmlCode("1234", "UBND-VX"),
        Place = "Nghệ An",
        PromulgationDate = new DateOnly(2026, 12, 1),
        DocumentType = new EdxmlDocumentType("18", "1", "Công văn"),
        Subject = "V/v báo cáo tình hình thực hiện chuyển đổi số năm 2026",
        Content = "Báo cáo kết quả <quý IV> & kế hoạch năm 2027",
        Signer = new EdxmlSigner("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn Đệ"),
        DueDate = new DateOnly(2026, 12, 15),
        ToPlaces = ["Như trên", "Lưu: VT, VX"],
        OtherInfo = new EdxmlOtherInfo(1, "Toàn quốc", "VX", 3, 2, null, ["Phụ lục I", "Phụ lục II"]),
        ResponseFor = [new EdxmlResponseFor("000.00.00.G22", "7816/VPCP-TTĐT", new DateOnly(2026, 11, 20), "000.00.00.G22,2026/11/20,7816/VPCP-TTĐT")],
        SteeringType = 1,
        Traces = [new EdxmlTrace("000.00.00.H41", new DateTime(2026, 12, 1, 2, 30, 0, DateTimeKind.Utc))],
        Business = new EdxmlBusiness(EdxmlBusinessKind.New, Staff: new EdxmlStaff("Văn phòng", "Trần Thị Thư", "0912345678", "thu@nghean.gov.vn"), Paper: 1),
        Attachments =
        [
            new EdxmlAttachment("cid:" + Guid.NewGuid(), "1234-UBND-VX.pdf", "application/pdf", "Văn bản chính", Encoding.ASCII.GetBytes("%PDF-1.7 test body")),
            new EdxmlAttachment("cid:" + Guid.NewGuid(), "phu-luc.pdf", "application/pdf", null, [1, 2, 3, 0, 255]),
        ],
    };

    private async Task<byte[]> SignedBytesAsync(XmlDocument xml, IEdxmlKey key)
    {
        await EdxmlSignature.SignAsync(xml, key, CancellationToken.None);
        return Bytes(xml);
    }

    private static byte[] Bytes(XmlDocument xml)
    {
        using var memory = new MemoryStream();
        xml.Save(memory);
        return memory.ToArray();
    }

    private static EdxmlRefusal Refusal(Action action) => Assert.Throws<EdxmlRefusedException>(action).Reason;

    [Fact]
    public async Task A_document_package_built_signed_and_parsed_keeps_every_field_and_verifies_against_the_senders_certificate()
    {
        var package = SamplePackage();
        var bytes = await SignedBytesAsync(EdxmlWriter.Build(package), sender);

        var parsed = await EdxmlReader.ReadAsync(new MemoryStream(bytes), Limits, CancellationToken.None);
        EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate);

        var read = parsed.Document!;
        Assert.Null(parsed.Status);
        Assert.Equal("000.00.00.H41", parsed.SenderId);
        Assert.Equal(package.From, read.From);
        Assert.Equal(package.To, read.To);
        Assert.Equal(package.DocumentId, read.DocumentId);
        Assert.Equal(package.Code, read.Code);
        Assert.Equal(package.Place, read.Place);
        Assert.Equal(package.PromulgationDate, read.PromulgationDate);
        Assert.Equal(package.DocumentType, read.DocumentType);
        Assert.Equal(package.Subject, read.Subject);
        Assert.Equal(package.Content, read.Content);
        Assert.Equal(package.Signer, read.Signer);
        Assert.Equal(package.DueDate, read.DueDate);
        Assert.Equal(package.ToPlaces, read.ToPlaces);
        Assert.Equal(package.OtherInfo.Priority, read.OtherInfo.Priority);
        Assert.Equal(package.OtherInfo.Appendixes, read.OtherInfo.Appendixes);
        Assert.Equal(package.OtherInfo.PageAmount, read.OtherInfo.PageAmount);
        Assert.Equal(package.ResponseFor, read.ResponseFor);
        Assert.Equal(package.SteeringType, read.SteeringType);
        Assert.Equal(package.Traces, read.Traces);
        Assert.Equal(package.Business.Kind, read.Business.Kind);
        Assert.Equal(package.Business.Staff, read.Business.Staff);
        Assert.Equal(package.Attachments.Count, read.Attachments.Count);
        for (var i = 0; i < package.Attachments.Count; i++)
        {
            Assert.Equal(package.Attachments[i].ContentId, read.Attachments[i].ContentId);
            Assert.Equal(package.Attachments[i].AttachmentName, read.Attachments[i].AttachmentName);
            Assert.Equal(package.Attachments[i].Content, read.Attachments[i].Content);
        }

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">", text);
        Assert.Contains("<edXML:PromulgationDate>2026/12/01</edXML:PromulgationDate>", text);
        Assert.Contains("<edXML:Timestamp>2026/12/01 09:30:00</edXML:Timestamp>", text);
        Assert.Contains("<edXML:BussinessDocType>0</edXML:BussinessDocType>", text);
        Assert.Contains(SignedXml.XmlDsigRSASHA256Url, text);
    }

    [Fact]
    public async Task A_status_package_round_trips_and_verifies()
    {
        var status = new EdxmlStatusPackage
        {
            ResponseFor = new EdxmlResponseFor("000.00.00.H41", "1234/UBND-VX", new DateOnly(2026, 12, 1), "000.00.00.H41,2026/12/01,1234/UBND-VX"),
            From = new EdxmlOrgan("000.00.00.G22", "Văn phòng Chính phủ"),
            Staff = new EdxmlStaff("Văn thư", "Lê Văn Thư", null, "vanthu@chinhphu.vn"),
            StatusCode = "02",
            Description = "Gửi nhầm nơi nhận",
            Timestamp = new DateTime(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc),
        };

        var bytes = await SignedBytesAsync(EdxmlWriter.Build(status), sender);
        var parsed = EdxmlReader.Read(bytes, Limits);
        EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate);

        Assert.Null(parsed.Document);
        Assert.Equal(status, parsed.Status);
        Assert.Equal("000.00.00.G22", parsed.SenderId);
    }

    /// <summary>A hand-written package in the shape of the VPCP SDK's edoc.edxml (wrapper root, comments, indentation, sample values).</summary>
    private const string HandWritten = """
        <?xml version="1.0" encoding="UTF-8"?>
        <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
          <edXML:edXMLHeader>
            <edXML:MessageHeader>
              <edXML:From>
                <edXML:OrganId>000.00.00.G22</edXML:OrganId>
                <edXML:OrganizationInCharge>Chính phủ</edXML:OrganizationInCharge>
                <edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName>
                <edXML:OrganAdd>Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội</edXML:OrganAdd>
                <edXML:Email>vpcp@chinhphu.vn</edXML:Email>
                <edXML:Telephone>080.43162</edXML:Telephone>
                <edXML:Fax>080.44130</edXML:Fax>
                <edXML:Website>chinhphu.vn</edXML:Website>
              </edXML:From>
              <edXML:To>
                <edXML:OrganId>000.00.00.H41</edXML:OrganId>
                <edXML:OrganName>UBND tỉnh Nghệ An</edXML:OrganName>
              </edXML:To>
              <edXML:Code>
                <edXML:CodeNumber>7816</edXML:CodeNumber>
                <edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation>
              </edXML:Code>
              <edXML:PromulgationInfo>
                <edXML:Place>Hà Nội</edXML:Place>
                <edXML:PromulgationDate>2015/09/30</edXML:PromulgationDate>
              </edXML:PromulgationInfo>
              <edXML:DocumentType>
                <edXML:Type>1</edXML:Type>
                <edXML:TypeName>Công văn</edXML:TypeName>
              </edXML:DocumentType>
              <edXML:Subject>V/v thông tin trên Cổng Thông tin điện tử Chính phủ</edXML:Subject>
              <edXML:Content></edXML:Content>
              <edXML:SignerInfo>
                <edXML:Competence>KT. BỘ TRƯỞNG, CHỦ NHIỆM</edXML:Competence>
                <edXML:Position>PHÓ CHỦ NHIỆM</edXML:Position>
                <edXML:FullName>Nguyễn Cao Lục</edXML:FullName>
              </edXML:SignerInfo>
              <edXML:ToPlaces>
                <edXML:Place>Các Bộ, cơ quan ngang Bộ</edXML:Place>
                <edXML:Place>UBND các tỉnh, thành phố trực thuộc TW</edXML:Place>
              </edXML:ToPlaces>
              <edXML:OtherInfo>
                <edXML:Priority>0</edXML:Priority>
                <edXML:SphereOfPromulgation>Lưu hành nội bộ</edXML:SphereOfPromulgation>
                <edXML:TyperNotation>TTĐT</edXML:TyperNotation>
                <edXML:PromulgationAmount>1</edXML:PromulgationAmount>
                <edXML:PageAmount>1</edXML:PageAmount>
              </edXML:OtherInfo>
              <edXML:SteeringType>0</edXML:SteeringType>
              <edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>
            </edXML:MessageHeader>
            <edXML:TraceHeaderList>
              <edXML:TraceHeader>
                <edXML:OrganId>000.00.00.G22</edXML:OrganId>
                <edXML:Timestamp>2015/09/30 14:05:00</edXML:Timestamp>
              </edXML:TraceHeader>
              <edXML:Bussiness>
                <edXML:BussinessDocType>1</edXML:BussinessDocType>
                <edXML:BussinessDocReason>Thu hồi do sai sót ký hiệu</edXML:BussinessDocReason>
                <edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>
                <edXML:StaffInfo>
                  <edXML:Department>Cục Hành chính - Quản trị</edXML:Department>
                  <edXML:Staff>Nguyễn Văn A</edXML:Staff>
                </edXML:StaffInfo>
              </edXML:Bussiness>
            </edXML:TraceHeaderList>
          </edXML:edXMLHeader>
          <edXML:edXMLBody>
            <edXML:edXMLManifest version="1.0">
              <edXML:Reference>
                <edXML:ContentId>cid:a7b8c9d0-0000-4000-8000-000000000001</edXML:ContentId>
                <edXML:ContentType>application/pdf</edXML:ContentType>
                <edXML:AttachmentName>7816.pdf</edXML:AttachmentName>
                <edXML:Description>Văn bản</edXML:Description>
              </edXML:Reference>
            </edXML:edXMLManifest>
          </edXML:edXMLBody>
          <edXML:AttachmentEncoded>
            <edXML:Attachment>
              <edXML:ContentId>cid:a7b8c9d0-0000-4000-8000-000000000001</edXML:ContentId>
              <edXML:AttachmentName>7816.pdf</edXML:AttachmentName>
              <edXML:ContentType>application/pdf</edXML:ContentType>
              <edXML:ContentTransferEncoded>JVBERi0x
                LjQK</edXML:ContentTransferEncoded>
            </edXML:Attachment>
          </edXML:AttachmentEncoded>
        </edXML:edXMLEnvelope>
        """;

    [Fact]
    public void A_hand_written_package_in_the_VPCP_sample_shape_is_read_with_its_recall_case_and_attachment()
    {
        var parsed = EdxmlReader.Read(Encoding.UTF8.GetBytes(HandWritten), Limits);

        var document = parsed.Document!;
        Assert.Equal("000.00.00.G22", document.From.OrganId);
        Assert.Equal("Văn phòng Chính phủ", document.From.OrganName);
        Assert.Equal("000.00.00.H41", Assert.Single(document.To).OrganId);
        Assert.Equal("7816/VPCP-TTĐT", document.Code.ToString());
        Assert.Equal(new DateOnly(2015, 9, 30), document.PromulgationDate);
        Assert.Null(document.Content);
        Assert.Equal("KT. BỘ TRƯỞNG, CHỦ NHIỆM", document.Signer!.Competence);
        Assert.Equal(2, document.ToPlaces.Count);
        Assert.Equal(EdxmlBusinessKind.Recall, document.Business.Kind);
        Assert.Equal("Thu hồi do sai sót ký hiệu", document.Business.Reason);
        Assert.Equal(new DateTime(2015, 9, 30, 7, 5, 0, DateTimeKind.Utc), Assert.Single(document.Traces).Timestamp);
        Assert.Equal("%PDF-1.4\n", Encoding.ASCII.GetString(Assert.Single(document.Attachments).Content));
        Assert.Equal("Văn bản", document.Attachments[0].Description);
    }

    [Fact]
    public void A_hand_written_status_package_in_the_Status_shape_is_read()
    {
        const string status = """
            <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
              <edXML:edXMLHeader>
                <edXML:Status>
                  <edXML:ResponseFor>
                    <edXML:OrganId>000.00.00.G22</edXML:OrganId>
                    <edXML:Code>7816/VPCP-TTĐT</edXML:Code>
                    <edXML:PromulgationDate>2015/09/30</edXML:PromulgationDate>
                    <edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>
                  </edXML:ResponseFor>
                  <edXML:From><edXML:OrganId>000.00.00.H41</edXML:OrganId><edXML:OrganName>UBND tỉnh Nghệ An</edXML:OrganName></edXML:From>
                  <edXML:StaffInfo><edXML:Department>Văn phòng</edXML:Department><edXML:Staff>Trần B</edXML:Staff></edXML:StaffInfo>
                  <edXML:StatusCode>03</edXML:StatusCode>
                  <edXML:Description>Đã tiếp nhận</edXML:Description>
                  <edXML:Timestamp>2015/10/01 08:00:00</edXML:Timestamp>
                </edXML:Status>
              </edXML:edXMLHeader>
              <edXML:edXMLBody/>
            </edXML:edXMLEnvelope>
            """;

        var parsed = EdxmlReader.Read(Encoding.UTF8.GetBytes(status), Limits);

        Assert.Equal("03", parsed.Status!.StatusCode);
        Assert.Equal("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", parsed.Status.ResponseFor.DocumentId);
        Assert.Equal(new DateTime(2015, 10, 1, 1, 0, 0, DateTimeKind.Utc), parsed.Status.Timestamp);
    }

    [Fact]
    public async Task A_hand_written_package_signed_by_the_sender_verifies_and_a_changed_subject_does_not()
    {
        var xml = new XmlDocument { PreserveWhitespace = true };
        xml.LoadXml(HandWritten);
        var bytes = await SignedBytesAsync(xml, sender);
        EdxmlSignature.Verify(EdxmlReader.Read(bytes, Limits).Xml, sender.PublicCertificate);

        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("Cổng Thông tin", "Cổng Thông tin giả", StringComparison.Ordinal));
        var parsed = EdxmlReader.Read(tampered, Limits);
        Assert.Equal(EdxmlRefusal.BadSignature, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public async Task A_changed_attachment_breaks_the_signature()
    {
        var bytes = await SignedBytesAsync(EdxmlWriter.Build(SamplePackage()), sender);
        var text = Encoding.UTF8.GetString(bytes);
        var original = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.7 test body"));
        var tampered = text.Replace(original, Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.7 evil body")), StringComparison.Ordinal);
        Assert.NotEqual(text, tampered);

        var parsed = EdxmlReader.Read(Encoding.UTF8.GetBytes(tampered), Limits);
        Assert.Equal(EdxmlRefusal.BadSignature, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public void An_unsigned_package_is_refused_as_unsigned()
    {
        var parsed = EdxmlReader.Read(Bytes(EdxmlWriter.Build(SamplePackage())), Limits);
        Assert.Equal(EdxmlRefusal.Unsigned, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public async Task A_package_signed_with_another_certificate_is_refused_as_wrong_signer()
    {
        var bytes = await SignedBytesAsync(EdxmlWriter.Build(SamplePackage()), stranger);
        var parsed = EdxmlReader.Read(bytes, Limits);
        Assert.Equal(EdxmlRefusal.WrongSigner, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public async Task A_package_signed_with_another_key_but_naming_the_senders_certificate_is_refused()
    {
        var xml = EdxmlWriter.Build(SamplePackage());
        await EdxmlSignature.SignAsync(xml, stranger, CancellationToken.None);
        var forged = Encoding.UTF8.GetString(Bytes(xml)).Replace(Convert.ToBase64String(stranger.Certificate.RawData),
            Convert.ToBase64String(sender.Certificate.RawData), StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(sender.Certificate.RawData), forged);

        var parsed = EdxmlReader.Read(Encoding.UTF8.GetBytes(forged), Limits);
        Assert.Equal(EdxmlRefusal.BadSignature, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public void An_rsa_sha1_signature_is_refused_as_an_unsupported_algorithm()
    {
        var xml = EdxmlWriter.Build(SamplePackage());
        var signed = new SignedXml(xml) { SigningKey = sender.Rsa };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA1Url;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA1Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        signed.AddReference(reference);
        signed.ComputeSignature();
        xml.DocumentElement!.FirstChild!.AppendChild(xml.ImportNode(signed.GetXml(), true));

        var parsed = EdxmlReader.Read(Bytes(xml), Limits);
        Assert.Equal(EdxmlRefusal.UnsupportedAlgorithm, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public async Task A_second_signature_wrapped_into_the_package_is_refused()
    {
        var xml = EdxmlWriter.Build(SamplePackage());
        await EdxmlSignature.SignAsync(xml, sender, CancellationToken.None);
        var copy = xml.GetElementsByTagName("Signature", EdxmlNames.DsigNamespace)[0]!.CloneNode(true);
        xml.DocumentElement!.AppendChild(copy);

        var parsed = EdxmlReader.Read(Bytes(xml), Limits);
        Assert.Equal(EdxmlRefusal.BadSignature, Refusal(() => EdxmlSignature.Verify(parsed.Xml, sender.PublicCertificate)));
    }

    [Fact]
    public void A_package_in_another_namespace_is_refused()
    {
        var wrong = HandWritten.Replace("http://www.mic.gov.vn/TBT/QCVN_102_2016", "http://example.org/fake-edxml", StringComparison.Ordinal);
        Assert.Equal(EdxmlRefusal.WrongNamespace, Refusal(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(wrong), Limits)));
    }

    [Fact]
    public void An_external_entity_XXE_is_refused_before_anything_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), "edxml-xxe-" + Guid.NewGuid() + ".txt");
        File.WriteAllText(path, "SECRET");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE edXML:edXMLEnvelope [ <!ENTITY secret SYSTEM "file://{path}"> ]>
                <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLHeader><edXML:MessageHeader>
                <edXML:Subject>&secret;</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope>
                """;
            var exception = Assert.Throws<EdxmlRefusedException>(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(xxe), Limits));
            Assert.Equal(EdxmlRefusal.DtdProhibited, exception.Reason);
            Assert.DoesNotContain("SECRET", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_billion_laughs_package_is_refused()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        var bomb = $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [{entities}]>
            <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLHeader>&lol9;</edXML:edXMLHeader></edXML:edXMLEnvelope>
            """;
        Assert.Equal(EdxmlRefusal.DtdProhibited, Refusal(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(bomb), Limits)));
    }

    [Fact]
    public async Task A_200_MB_attachment_is_refused_after_reading_no_more_than_the_limit()
    {
        var limits = new EdxmlLimits(MaxBytes: 4 * 1024 * 1024);
        var huge = new EndlessPackageStream(200L * 1024 * 1024);

        var exception = await Assert.ThrowsAsync<EdxmlRefusedException>(() => EdxmlReader.ReadAsync(huge, limits, CancellationToken.None));

        Assert.Equal(EdxmlRefusal.TooLarge, exception.Reason);
        Assert.True(huge.Position <= limits.MaxBytes + 81920, $"read {huge.Position} bytes");
    }

    [Fact]
    public void A_package_nested_deeper_than_the_limit_is_refused()
    {
        var deep = new StringBuilder("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLHeader>");
        deep.Append(string.Concat(Enumerable.Repeat("<edXML:X>", 100))).Append(string.Concat(Enumerable.Repeat("</edXML:X>", 100)));
        deep.Append("</edXML:edXMLHeader></edXML:edXMLEnvelope>");
        Assert.Equal(EdxmlRefusal.TooDeep, Refusal(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(deep.ToString()), Limits)));
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLHeader>")]
    [InlineData("<Envelope/>")]
    [InlineData("")]
    public void Malformed_input_is_refused_as_malformed(string input) =>
        Assert.Equal(EdxmlRefusal.Malformed, Refusal(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(input), Limits)));

    [Fact]
    public void A_package_without_its_DocumentId_is_refused_naming_the_field()
    {
        const string line = "<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>";
        var missing = HandWritten.Remove(HandWritten.IndexOf(line, StringComparison.Ordinal), line.Length);
        Assert.NotEqual(HandWritten, missing);
        var exception = Assert.Throws<EdxmlRefusedException>(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(missing), Limits));
        Assert.Equal(EdxmlRefusal.Malformed, exception.Reason);
        Assert.Contains("MessageHeader/DocumentId", exception.Message);
    }

    [Fact]
    public void An_attachment_not_in_the_manifest_is_refused()
    {
        const string listed = "cid:a7b8c9d0-0000-4000-8000-000000000001";
        var last = HandWritten.LastIndexOf(listed, StringComparison.Ordinal);
        var unlisted = string.Concat(HandWritten.AsSpan(0, last), "cid:other", HandWritten.AsSpan(last + listed.Length));
        Assert.NotEqual(HandWritten, unlisted);
        Assert.Equal(EdxmlRefusal.Malformed, Refusal(() => EdxmlReader.Read(Encoding.UTF8.GetBytes(unlisted), Limits)));
    }

    /// <summary>A package whose one attachment is <c>length</c> bytes of base64, produced as it is read, never held.</summary>
    private sealed class EndlessPackageStream(long length) : Stream
    {
        private static readonly byte[] Head = Encoding.UTF8.GetBytes(
            "<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:AttachmentEncoded><edXML:Attachment><edXML:ContentTransferEncoded>");

        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => Head.Length + length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && position < Length)
            {
                buffer[offset + written++] = position < Head.Length ? Head[position] : (byte)'A';
                position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
