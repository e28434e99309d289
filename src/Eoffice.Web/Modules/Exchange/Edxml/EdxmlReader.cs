using System.Globalization;
using System.Text;
using System.Xml;
using static Eoffice.Web.Modules.Exchange.Edxml.EdxmlNames;

namespace Eoffice.Web.Modules.Exchange.Edxml;

/// <summary>How much a package may be: bytes on the wire (checked while reading, before anything is parsed), element depth and count.</summary>
public sealed record EdxmlLimits(long MaxBytes = 50L * 1024 * 1024, int MaxDepth = 32, int MaxElements = 100_000);

/// <summary>A parsed package, not yet verified: exactly one of <see cref="Document"/> and <see cref="Status"/>; <see cref="Xml"/> for the signature check.</summary>
public sealed record EdxmlParsed(XmlDocument Xml, byte[] Raw, EdxmlDocumentPackage? Document, EdxmlStatusPackage? Status)
{
    /// <summary>The sender's identifier, to find its directory entry and certificate.</summary>
    public string SenderId => Document?.From.OrganId ?? Status!.From.OrganId;
}

/// <summary>
/// Reads a package safely: the bytes are read up to <see cref="EdxmlLimits.MaxBytes"/> and no further (a larger
/// package is refused having buffered at most the limit); a first streaming pass refuses a DTD (so no entity, external
/// or expanding — XXE, billion laughs), too deep or too many elements, and a root outside the QCVN 102 namespace; only
/// then is the document loaded (no resolver) and the model read. Every refusal is an
/// <see cref="EdxmlRefusedException"/> with a Vietnamese message.
/// </summary>
public static class EdxmlReader
{
    public static async Task<EdxmlParsed> ReadAsync(Stream input, EdxmlLimits limits, CancellationToken cancellationToken)
    {
        var raw = await BoundedAsync(input, limits.MaxBytes, cancellationToken);
        return Read(raw, limits);
    }

    public static EdxmlParsed Read(byte[] raw, EdxmlLimits limits)
    {
        if (raw.LongLength > limits.MaxBytes)
        {
            throw TooLarge(limits);
        }

        Scan(raw, limits);
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(raw, writable: false), Settings()))
        {
            xml.Load(reader);
        }

        var envelope = EnvelopeOf(xml) ?? throw Malformed("Gói tin không có phần tử edXMLEnvelope.");
        var header = Single(envelope, Header) ?? throw Missing("edXMLHeader");
        if (Single(header, MessageHeader) is { } message)
        {
            return message.ChildNodes.OfType<XmlElement>().Any(e => e.LocalName == "StatusCode")
                ? new EdxmlParsed(xml, raw, null, StatusOf(message))
                : new EdxmlParsed(xml, raw, DocumentOf(envelope, header, message), null);
        }

        return Single(header, EdxmlNames.Status) is { } status
            ? new EdxmlParsed(xml, raw, null, StatusOf(status))
            : throw Missing("edXMLHeader/MessageHeader");
    }

    /// <summary>The <c>edXMLEnvelope</c>: the root, or the child of an <c>edXML</c> wrapper root.</summary>
    internal static XmlElement? EnvelopeOf(XmlDocument xml)
    {
        var root = xml.DocumentElement;
        if (root is { LocalName: Wrapper, NamespaceURI: Namespace })
        {
            root = Single(root, EdxmlNames.Envelope);
        }

        return root is { LocalName: EdxmlNames.Envelope, NamespaceURI: Namespace } ? root : null;
    }

    private static async Task<byte[]> BoundedAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw new EdxmlRefusedException(EdxmlRefusal.TooLarge, $"Gói tin vượt quá dung lượng cho phép ({maxBytes / (1024 * 1024)} MB).");
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static void Scan(byte[] raw, EdxmlLimits limits)
    {
        var elements = 0;
        var sawRoot = false;
        using var reader = XmlReader.Create(new MemoryStream(raw, writable: false), Settings());
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRoot)
                {
                    sawRoot = true;
                    if (reader.LocalName is not (Wrapper or EdxmlNames.Envelope))
                    {
                        throw Malformed($"Phần tử gốc {reader.LocalName} không phải gói tin edXML.");
                    }

                    if (reader.NamespaceURI != Namespace)
                    {
                        throw new EdxmlRefusedException(EdxmlRefusal.WrongNamespace,
                            $"Gói tin không thuộc không gian tên của QCVN 102:2016 ({Namespace}).");
                    }
                }

                if (reader.Depth >= limits.MaxDepth)
                {
                    throw new EdxmlRefusedException(EdxmlRefusal.TooDeep, $"Gói tin lồng quá {limits.MaxDepth} cấp phần tử.");
                }

                if (++elements > limits.MaxElements)
                {
                    throw new EdxmlRefusedException(EdxmlRefusal.TooDeep, $"Gói tin có quá {limits.MaxElements} phần tử.");
                }
            }
        }
        catch (XmlException e)
        {
            if (!sawRoot && HasDoctype(raw))
            {
                throw new EdxmlRefusedException(EdxmlRefusal.DtdProhibited, "Gói tin có khai báo DTD (DOCTYPE/ENTITY); không tiếp nhận vì lý do an toàn.");
            }

            throw Malformed($"Gói tin không phải XML hợp lệ (dòng {e.LineNumber}, cột {e.LinePosition}).");
        }

        if (!sawRoot)
        {
            throw Malformed("Gói tin rỗng.");
        }
    }

    private static bool HasDoctype(byte[] raw)
    {
        var head = Encoding.UTF8.GetString(raw, 0, Math.Min(raw.Length, 64 * 1024));
        return head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || head.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);
    }

    private static EdxmlDocumentPackage DocumentOf(XmlElement envelope, XmlElement header, XmlElement message)
    {
        var from = Organ(Single(message, "From") ?? throw Missing("MessageHeader/From"), "From");
        var to = Children(message, "To").Select(e => Organ(e, "To")).ToList();
        if (to.Count == 0)
        {
            throw Missing("MessageHeader/To");
        }

        var code = Single(message, "Code") ?? throw Missing("MessageHeader/Code");
        var promulgation = Single(message, "PromulgationInfo") ?? throw Missing("MessageHeader/PromulgationInfo");
        var type = Single(message, "DocumentType") ?? throw Missing("MessageHeader/DocumentType");
        var signer = Single(message, "SignerInfo");
        var other = Single(message, "OtherInfo");
        var traceList = Single(header, "TraceHeaderList");
        var manifest = Single(envelope, Body) is { } body ? Single(body, Manifest) : null;
        var references = manifest is null ? [] : Children(manifest, "Reference").ToList();
        var encoded = Single(envelope, AttachmentEncoded);

        var attachments = new List<EdxmlAttachment>();
        foreach (var file in encoded is null ? [] : Children(encoded, "Attachment"))
        {
            var contentId = Required(file, "ContentId", "Attachment/ContentId");
            var listed = references.FirstOrDefault(r => Text(r, "ContentId") == contentId)
                ?? throw Malformed($"Tệp đính kèm {contentId} không có trong danh mục (edXMLManifest).");
            byte[] content;
            try
            {
                content = Convert.FromBase64String(Text(file, "ContentTransferEncoded") ?? "");
            }
            catch (FormatException)
            {
                throw Malformed($"Tệp đính kèm {contentId} không được mã hóa base64 đúng.");
            }

            attachments.Add(new EdxmlAttachment(contentId, Text(file, "AttachmentName") ?? Text(listed, "AttachmentName") ?? contentId,
                Text(file, "ContentType") ?? Text(listed, "ContentType") ?? "application/octet-stream", Text(listed, "Description"), content));
        }

        return new EdxmlDocumentPackage
        {
            From = from,
            To = to,
            DocumentId = Required(message, "DocumentId", "MessageHeader/DocumentId"),
            Code = new EdxmlCode(Required(code, "CodeNumber", "Code/CodeNumber"), Text(code, "CodeNotation") ?? ""),
            Place = Text(promulgation, "Place"),
            PromulgationDate = ParseDate(Required(promulgation, "PromulgationDate", "PromulgationInfo/PromulgationDate"))
                ?? throw Malformed("Ngày ban hành (PromulgationDate) không đúng dạng yyyy/MM/dd."),
            DocumentType = new EdxmlDocumentType(Required(type, "Type", "DocumentType/Type"), Text(type, "TypeDetail"), Text(type, "TypeName") ?? ""),
            Subject = Required(message, "Subject", "MessageHeader/Subject"),
            Content = Text(message, "Content"),
            Signer = signer is null ? null : new EdxmlSigner(Text(signer, "Competence"), Text(signer, "Position"), Text(signer, "FullName") ?? ""),
            DueDate = Text(message, "DueDate") is { } due ? ParseDate(due) ?? throw Malformed("Hạn xử lý (DueDate) không đúng dạng yyyy/MM/dd.") : null,
            ToPlaces = Single(message, "ToPlaces") is { } places ? [.. Children(places, "Place").Select(p => p.InnerText.Trim())] : [],
            OtherInfo = other is null
                ? new EdxmlOtherInfo(0)
                : new EdxmlOtherInfo(Int(other, "Priority") ?? 0, Text(other, "SphereOfPromulgation"), Text(other, "TyperNotation"),
                    Int(other, "PromulgationAmount"), Int(other, "PageAmount"), Text(other, "Direction"),
                    Single(other, "Appendixes") is { } appendixes ? [.. Children(appendixes, "Appendix").Select(a => a.InnerText.Trim())] : null),
            ResponseFor = [.. Children(message, "ResponseFor").Select(ResponseFor)],
            SteeringType = Int(message, "SteeringType") ?? 0,
            Traces = traceList is null
                ? []
                : [.. Children(traceList, "TraceHeader").Select(t => new EdxmlTrace(Required(t, "OrganId", "TraceHeader/OrganId"),
                    ParseTimestamp(Text(t, "Timestamp")) ?? throw Malformed("Thời điểm (Timestamp) không đúng dạng yyyy/MM/dd HH:mm:ss.")))],
            Business = traceList is not null && Single(traceList, "Bussiness") is { } business ? Business(business) : new EdxmlBusiness(EdxmlBusinessKind.New),
            Attachments = attachments,
        };
    }

    private static EdxmlStatusPackage StatusOf(XmlElement message)
    {
        var code = Required(message, "StatusCode", "StatusCode");
        if (!Contracts.ExchangeStatusCodes.All.Contains(code))
        {
            throw Malformed($"Mã trạng thái {code} không có trong danh mục.");
        }

        return new EdxmlStatusPackage
        {
            ResponseFor = ResponseFor(Single(message, "ResponseFor") ?? throw Missing("ResponseFor")),
            From = Organ(Single(message, "From") ?? throw Missing("From"), "From"),
            Staff = Single(message, "StaffInfo") is { } staff ? Staff(staff) : null,
            StatusCode = code,
            Description = Text(message, "Description"),
            Timestamp = ParseTimestamp(Required(message, "Timestamp", "Timestamp"))
                ?? throw Malformed("Thời điểm (Timestamp) không đúng dạng yyyy/MM/dd HH:mm:ss."),
        };
    }

    private static EdxmlBusiness Business(XmlElement business)
    {
        var kind = Int(business, "BussinessDocType") ?? 0;
        if (!Enum.IsDefined((EdxmlBusinessKind)kind))
        {
            throw Malformed($"Loại nghiệp vụ (BussinessDocType) {kind} không có trong danh mục.");
        }

        var receivers = Single(business, "BussinessDocumentInfo") is { } info && Single(info, "ReceiverList") is { } list
            ? Children(list, "Receiver").Select(r => new EdxmlReceiverChange(Int(r, "ReceiverType") ?? 1, Required(r, "OrganId", "Receiver/OrganId"))).ToList()
            : null;
        var replacements = Single(business, "ReplacementInfoList") is { } replacementList
            ? Children(replacementList, "ReplacementInfo").Select(r => new EdxmlReplacement(Required(r, "DocumentId", "ReplacementInfo/DocumentId"),
                Single(r, "OrganIdList") is { } organs ? [.. Children(organs, "OrganId").Select(o => o.InnerText.Trim())] : [])).ToList()
            : null;
        return new EdxmlBusiness((EdxmlBusinessKind)kind, Text(business, "BussinessDocReason"), Text(business, "DocumentId"),
            Single(business, "StaffInfo") is { } staff ? Staff(staff) : null, Int(business, "Paper"), receivers, replacements);
    }

    private static EdxmlOrgan Organ(XmlElement element, string path) => new(
        Required(element, "OrganId", path + "/OrganId"), Text(element, "OrganName") ?? "", Text(element, "OrganizationInCharge"), Text(element, "OrganAdd"),
        Text(element, "Email"), Text(element, "Telephone"), Text(element, "Fax"), Text(element, "Website"));

    private static EdxmlResponseFor ResponseFor(XmlElement element) => new(
        Required(element, "OrganId", "ResponseFor/OrganId"), Text(element, "Code") ?? "", ParseDate(Text(element, "PromulgationDate")),
        Required(element, "DocumentId", "ResponseFor/DocumentId"));

    private static EdxmlStaff Staff(XmlElement element) => new(Text(element, "Department"), Text(element, "Staff"), Text(element, "Mobile"), Text(element, "Email"));

    private static IEnumerable<XmlElement> Children(XmlElement parent, string name) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == name && e.NamespaceURI == Namespace);

    private static XmlElement? Single(XmlElement parent, string name)
    {
        using var all = Children(parent, name).GetEnumerator();
        if (!all.MoveNext())
        {
            return null;
        }

        var first = all.Current;
        return all.MoveNext() ? throw Malformed($"Phần tử {name} xuất hiện nhiều lần.") : first;
    }

    private static string? Text(XmlElement parent, string name) => Single(parent, name)?.InnerText.Trim() is { Length: > 0 } text ? text : null;

    private static string Required(XmlElement parent, string name, string path) => Text(parent, name) ?? throw Missing(path);

    private static int? Int(XmlElement parent, string name) =>
        Text(parent, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw Malformed($"Giá trị của {name} phải là số.");

    private static EdxmlRefusedException Missing(string path) => Malformed($"Gói tin thiếu trường bắt buộc {path}.");

    private static EdxmlRefusedException Malformed(string message) => new(EdxmlRefusal.Malformed, message);

    private static EdxmlRefusedException TooLarge(EdxmlLimits limits) =>
        new(EdxmlRefusal.TooLarge, $"Gói tin vượt quá dung lượng cho phép ({limits.MaxBytes / (1024 * 1024)} MB).");
}
