using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>
/// The metadata of an official document (Decree 30/2020 Phụ lục VI Phần II: loại, số, ký hiệu, ngày, cơ quan ban hành,
/// trích yếu, ngôn ngữ, số trang, ghi chú, người ký, độ khẩn, hạn giải quyết…), declared once for every kind of document
/// — registered incoming documents, electronic arrivals waiting to be registered, and (next) outgoing drafts, which add
/// their own fields beside it. An instance is always valid and normalised: made only by <see cref="Create"/> from a
/// <see cref="DocumentMetadataInput"/>, trimmed, composed to NFC (TCVN 6909:2001), blanks as <c>null</c>, texts typed
/// in the legacy TCVN3 or VNI encodings converted to Unicode.
/// </summary>
/// <param name="TypeCode">Code of the <see cref="DocumentTypes"/> entry.</param>
/// <param name="TypeName">Tên loại (field 3 <c>TypeName</c>), from the catalogue.</param>
/// <param name="CodeNumber">Số (field 4 <c>CodeNumber</c>): text, it may carry a leading zero.</param>
/// <param name="CodeNotation">Ký hiệu (field 5 <c>CodeNotation</c>).</param>
/// <param name="IssuedDate">Ngày văn bản (field 6 <c>IssuedDate</c>).</param>
/// <param name="IssuingOrganId">The issuing organ's electronic identifier, when known (organ directory, exchange package).</param>
/// <param name="IssuingOrganName">Tên cơ quan ban hành (field 7 <c>OrganName</c>).</param>
/// <param name="Subject">Trích yếu (field 8 <c>Subject</c>).</param>
/// <param name="Language">Ngôn ngữ (field 9).</param>
/// <param name="PageAmount">Số trang (field 10).</param>
/// <param name="Description">Ghi chú (field 11).</param>
/// <param name="SignerPosition">Chức vụ người ký (field 14.1).</param>
/// <param name="SignerFullName">Họ tên người ký (field 14.2).</param>
/// <param name="Urgency">Độ khẩn (field 15 <c>Priority</c>).</param>
/// <param name="DueDate">Thời hạn giải quyết (field 18 <c>DueDate</c>).</param>
/// <param name="RequestsComments">Văn bản xin ý kiến / góp ý: recipients answer with consultation feedback.</param>
/// <param name="PaperAppendixNote">Bulky appendices that came on paper only and were not scanned (regulation 001 Điều 10.2, 003 Điều 5.5).</param>
/// <param name="PaperAppendixHolder">Who holds those paper appendices.</param>
public sealed record DocumentMetadata(
    string TypeCode,
    string TypeName,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly? IssuedDate,
    string? IssuingOrganId,
    string IssuingOrganName,
    string Subject,
    string Language,
    int? PageAmount,
    string? Description,
    string? SignerPosition,
    string? SignerFullName,
    Urgency Urgency,
    DateOnly? DueDate,
    bool RequestsComments,
    string? PaperAppendixNote,
    string? PaperAppendixHolder)
{
    public const int TypeCodeMaxLength = 20;
    public const int TypeNameMaxLength = 100;
    public const int CodeNumberMaxLength = 11;
    public const int CodeNotationMaxLength = 30;
    public const int OrganIdMaxLength = 35;
    public const int OrganNameMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int LanguageMaxLength = 30;
    public const int DescriptionMaxLength = 500;
    public const int SignerPositionMaxLength = 100;
    public const int SignerNameMaxLength = 50;
    public const int MaxPageAmount = 999;
    public const int PaperNoteMaxLength = 500;
    public const int PaperHolderMaxLength = 200;
    public const string DefaultLanguage = "Tiếng Việt";

    /// <summary>"Số, ký hiệu" as printed: <c>15/QĐ-UBND</c>.</summary>
    public string CodeText => CodeTextOf(CodeNumber, CodeNotation);

    /// <summary>"Người ký" as shown: position and name.</summary>
    public string SignerText => string.Join(" - ", new[] { SignerPosition, SignerFullName }.Where(s => !string.IsNullOrEmpty(s)));

    public static string CodeTextOf(string? codeNumber, string? codeNotation) => (codeNumber, codeNotation) switch
    {
        (null, null) => "",
        (null, var n) => n!,
        (var c, null) => c!,
        var (c, n) => $"{c}/{n}",
    };

    /// <summary>
    /// "15/QĐ-UBND — Ủy ban nhân dân tỉnh Ninh Bình", as a document's header names it: the number and symbol, then the
    /// issuing organ; the organ alone for a document without a number (no dangling dash).
    /// </summary>
    public static string CodeAndOrgan(string? codeText, string? organName) =>
        string.Join(" — ", new[] { codeText, organName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>
    /// Checks the fields as typed; every error goes to <paramref name="errors"/> under <c>{prefix}.{field}</c> (the JSON
    /// path of the nested request: <c>document.subject</c>), in Vietnamese.
    /// </summary>
    public static void Validate(DocumentMetadataInput input, IDictionary<string, string[]> errors, string prefix = "document")
    {
        void Error(string field, string message) => errors[prefix.Length == 0 ? field : $"{prefix}.{field}"] = [message];

        void Length(string field, string? value, int max, string label)
        {
            if (Clean(value) is { } v && v.Length > max)
            {
                Error(field, $"{label} dài tối đa {max} ký tự.");
            }
        }

        void Required(string field, string? value, int max, string missing, string label)
        {
            if (Clean(value) is null)
            {
                Error(field, missing);
            }
            else
            {
                Length(field, value, max, label);
            }
        }

        if (DocumentTypes.Find(input.TypeCode?.Trim()) is null)
        {
            Error("typeCode", "Vui lòng chọn loại văn bản.");
        }

        Length("codeNumber", input.CodeNumber, CodeNumberMaxLength, "Số văn bản");
        Length("codeNotation", input.CodeNotation, CodeNotationMaxLength, "Ký hiệu");
        if (!string.IsNullOrWhiteSpace(input.IssuingOrganId) && !AgencyCode.IsValid(input.IssuingOrganId.Trim(), out var codeError))
        {
            Error("issuingOrganId", codeError);
        }

        Required("issuingOrganName", input.IssuingOrganName, OrganNameMaxLength, "Vui lòng nhập cơ quan ban hành.", "Cơ quan ban hành");
        Required("subject", input.Subject, SubjectMaxLength, "Vui lòng nhập trích yếu nội dung.", "Trích yếu");
        Length("language", input.Language, LanguageMaxLength, "Ngôn ngữ");
        if (input.PageAmount is < 1 or > MaxPageAmount)
        {
            Error("pageAmount", $"Số trang từ 1 đến {MaxPageAmount}.");
        }

        Length("description", input.Description, DescriptionMaxLength, "Ghi chú");
        Length("signerPosition", input.SignerPosition, SignerPositionMaxLength, "Chức vụ người ký");
        Length("signerFullName", input.SignerFullName, SignerNameMaxLength, "Họ tên người ký");
        if (UrgencyNames.ParseUrgency(input.Urgency) is null)
        {
            Error("urgency", "Độ khẩn không hợp lệ: chọn Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc.");
        }

        if (input.DueDate is { } due && input.IssuedDate is { } issued && due < issued)
        {
            Error("dueDate", "Hạn giải quyết không được trước ngày văn bản.");
        }

        Length("paperAppendixNote", input.PaperAppendixNote, PaperNoteMaxLength, "Ghi chú phụ lục bản giấy");
        Length("paperAppendixHolder", input.PaperAppendixHolder, PaperHolderMaxLength, "Người giữ phụ lục bản giấy");
    }

    /// <summary>The metadata of a valid input (see <see cref="Validate"/>), cleaned; throws a rule error when it is not valid.</summary>
    public static DocumentMetadata Create(DocumentMetadataInput input)
    {
        var errors = new Dictionary<string, string[]>();
        Validate(input, errors);
        Platform.Rules.RuleException.ThrowIfAny(errors);
        var type = DocumentTypes.Find(input.TypeCode!.Trim())!;
        return new DocumentMetadata(
            type.Code,
            type.Name,
            Clean(input.CodeNumber),
            Clean(input.CodeNotation),
            input.IssuedDate,
            Clean(input.IssuingOrganId),
            Text(input.IssuingOrganName)!,
            Text(input.Subject)!,
            Clean(input.Language) ?? DefaultLanguage,
            input.PageAmount,
            Text(input.Description),
            Text(input.SignerPosition),
            Text(input.SignerFullName),
            UrgencyNames.ParseUrgency(input.Urgency) ?? Urgency.Normal,
            input.DueDate,
            input.RequestsComments,
            Text(input.PaperAppendixNote),
            Text(input.PaperAppendixHolder));
    }

    /// <summary>The fields as an input, to prefill a form or to change a few and create again.</summary>
    public DocumentMetadataInput ToInput() => new()
    {
        TypeCode = TypeCode, CodeNumber = CodeNumber, CodeNotation = CodeNotation, IssuedDate = IssuedDate, IssuingOrganId = IssuingOrganId,
        IssuingOrganName = IssuingOrganName, Subject = Subject, Language = Language, PageAmount = PageAmount, Description = Description,
        SignerPosition = SignerPosition, SignerFullName = SignerFullName, Urgency = UrgencyNames.Code(Urgency), DueDate = DueDate,
        RequestsComments = RequestsComments, PaperAppendixNote = PaperAppendixNote, PaperAppendixHolder = PaperAppendixHolder,
    };

    /// <summary>
    /// A text field as <see cref="Clean"/> makes it, converted to Unicode when it is confidently legacy TCVN3 or VNI
    /// (pasted from an old file: "Quyeát ñònh" → "Quyết định"; see <see cref="LegacyVietnamese"/>).
    /// </summary>
    public static string? Text(string? value) => Clean(value) is { } clean ? LegacyVietnamese.ToUnicode(clean) : null;

    /// <summary>Trims, composes (NFC) and turns blank into <c>null</c>.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Normalize(value.Trim());

    /// <summary>Number, symbol and organ compared for duplicates: trimmed, case-insensitive, without tone marks or spaces.</summary>
    public static string Comparable(string? value) => VietnameseText.Fold(value?.Trim()).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>
/// The metadata fields as a person or a system typed them — the <c>document</c> object nested in every request that
/// carries a document's metadata (register, edit, register an electronic arrival, receive one), and the model of the
/// one form partial that edits them. Checked and cleaned by <see cref="DocumentMetadata"/>.
/// </summary>
public sealed class DocumentMetadataInput
{
    public string? TypeCode { get; set; }

    public string? CodeNumber { get; set; }

    public string? CodeNotation { get; set; }

    public DateOnly? IssuedDate { get; set; }

    public string? IssuingOrganId { get; set; }

    public string? IssuingOrganName { get; set; }

    public string? Subject { get; set; }

    public string? Language { get; set; }

    public int? PageAmount { get; set; }

    public string? Description { get; set; }

    public string? SignerPosition { get; set; }

    public string? SignerFullName { get; set; }

    /// <summary><c>normal</c>, <c>urgent</c>, <c>veryurgent</c> or <c>flash</c>.</summary>
    public string? Urgency { get; set; }

    public DateOnly? DueDate { get; set; }

    public bool RequestsComments { get; set; }

    public string? PaperAppendixNote { get; set; }

    public string? PaperAppendixHolder { get; set; }
}
