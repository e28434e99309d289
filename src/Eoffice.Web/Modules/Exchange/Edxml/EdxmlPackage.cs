namespace Eoffice.Web.Modules.Exchange.Edxml;

/// <summary>An organ of a package (QCVN 102 §1.1 <c>From</c>, §1.2 <c>To</c>): its identifier (mã định danh) and contact details.</summary>
public sealed record EdxmlOrgan(
    string OrganId,
    string OrganName,
    string? OrganizationInCharge = null,
    string? OrganAdd = null,
    string? Email = null,
    string? Telephone = null,
    string? Fax = null,
    string? Website = null);

/// <summary>§1.3 <c>Code</c>: the document's number and notation (số, ký hiệu), e.g. 12 and QĐ-UBND.</summary>
public sealed record EdxmlCode(string CodeNumber, string CodeNotation)
{
    public override string ToString() => CodeNotation.Length == 0 ? CodeNumber : $"{CodeNumber}/{CodeNotation}";
}

/// <summary>§1.5 <c>DocumentType</c>: the QCVN type number (group A legal, B administrative), its detail and name.</summary>
public sealed record EdxmlDocumentType(string Type, string? TypeDetail, string TypeName);

/// <summary>§1.8 <c>SignerInfo</c>: the authority line (TL., KT., …), position and name of the signer.</summary>
public sealed record EdxmlSigner(string? Competence, string? Position, string FullName);

/// <summary>§1.11 <c>OtherInfo</c> (<see cref="Instruction"/> is the wire's <c>Direction</c>, the leader's instruction); <see cref="Priority"/> is the code list of REQUIREMENTS §3.2.2 (0 thường … 4 hỏa tốc hẹn giờ).</summary>
public sealed record EdxmlOtherInfo(
    int Priority,
    string? SphereOfPromulgation = null,
    string? TyperNotation = null,
    int? PromulgationAmount = null,
    int? PageAmount = null,
    string? Instruction = null,
    IReadOnlyList<string>? Appendixes = null);

/// <summary>§1.12 <c>ResponseFor</c>: the document a reply (or a status) answers.</summary>
public sealed record EdxmlResponseFor(string OrganId, string Code, DateOnly? PromulgationDate, string DocumentId);

/// <summary>A hop of <c>TraceHeaderList</c>: who handled the package and when.</summary>
public sealed record EdxmlTrace(string OrganId, DateTime Timestamp);

/// <summary><c>StaffInfo</c>: the person answering for a business case or a status.</summary>
public sealed record EdxmlStaff(string? Department, string? Staff, string? Mobile, string? Email);

/// <summary><c>ReceiverList/Receiver</c> of an update: 0 removed from the recipients, 1 added.</summary>
public sealed record EdxmlReceiverChange(int ReceiverType, string OrganId);

/// <summary><c>ReplacementInfoList/ReplacementInfo</c>: the document a replacement replaces, at which organs.</summary>
public sealed record EdxmlReplacement(string DocumentId, IReadOnlyList<string> OrganIds);

/// <summary>
/// <c>TraceHeaderList/Bussiness</c> (spelled so on the wire): the business case of the package —
/// <see cref="EdxmlBusinessKind"/> — with its reason and, for a recall, update or replacement, the document concerned.
/// </summary>
public sealed record EdxmlBusiness(
    EdxmlBusinessKind Kind,
    string? Reason = null,
    string? DocumentId = null,
    EdxmlStaff? Staff = null,
    int? Paper = null,
    IReadOnlyList<EdxmlReceiverChange>? Receivers = null,
    IReadOnlyList<EdxmlReplacement>? Replacements = null);

/// <summary>BussinessDocType (REQUIREMENTS §3.2.4).</summary>
public enum EdxmlBusinessKind
{
    New = 0,
    Recall = 1,
    Update = 2,
    Replace = 3,
}

/// <summary>
/// A file of the package: listed in <c>edXMLManifest</c> (<c>Reference</c>) and carried base64 in
/// <c>AttachmentEncoded</c>; <see cref="ContentId"/> ("cid:…") ties the two.
/// </summary>
public sealed record EdxmlAttachment(string ContentId, string AttachmentName, string ContentType, string? Description, byte[] Content);

/// <summary>A document package (gói tin văn bản), QCVN 102:2016 with amendment 1:2022; numbering §1.x as in REQUIREMENTS §3.1.</summary>
public sealed record EdxmlDocumentPackage
{
    public required EdxmlOrgan From { get; init; }

    public required IReadOnlyList<EdxmlOrgan> To { get; init; }

    /// <summary>§1.14: the sender's identifier of the document, <c>OrganId,yyyy/MM/dd,Number/Notation</c> or a UUID.</summary>
    public required string DocumentId { get; init; }

    public required EdxmlCode Code { get; init; }

    /// <summary>§1.4 <c>PromulgationInfo</c>.</summary>
    public string? Place { get; init; }

    public required DateOnly PromulgationDate { get; init; }

    public required EdxmlDocumentType DocumentType { get; init; }

    public required string Subject { get; init; }

    /// <summary>§1.7: a summary of the content.</summary>
    public string? Content { get; init; }

    public EdxmlSigner? Signer { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>§1.10: recipients for information and archiving, besides <see cref="To"/>.</summary>
    public IReadOnlyList<string> ToPlaces { get; init; } = [];

    public EdxmlOtherInfo OtherInfo { get; init; } = new(0);

    public IReadOnlyList<EdxmlResponseFor> ResponseFor { get; init; } = [];

    /// <summary>§1.13: kept as sent (the code list is not settled, REQUIREMENTS §3.2.3).</summary>
    public int SteeringType { get; init; }

    public IReadOnlyList<EdxmlTrace> Traces { get; init; } = [];

    public EdxmlBusiness Business { get; init; } = new(EdxmlBusinessKind.New);

    public IReadOnlyList<EdxmlAttachment> Attachments { get; init; } = [];
}

/// <summary>
/// A status package (gói tin trạng thái): what the receiver did with a document (<see cref="StatusCode"/>, the code list
/// of REQUIREMENTS §3.2.1: 01 đã đến … 06 hoàn thành, 13/15/16 recall), for the document of <see cref="ResponseFor"/>.
/// </summary>
public sealed record EdxmlStatusPackage
{
    public required EdxmlResponseFor ResponseFor { get; init; }

    public required EdxmlOrgan From { get; init; }

    public EdxmlStaff? Staff { get; init; }

    /// <summary>Two digits as on the wire: "01".</summary>
    public required string StatusCode { get; init; }

    public string? Description { get; init; }

    public required DateTime Timestamp { get; init; }
}
