using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// The metadata fields a clerk enters for an incoming document (Decree 30 Phụ lục VI Phần II.II), their checks
/// (lengths, agency code, urgency, confidentiality) and their clean-up — shared by registration, editing and the
/// registration of an electronic arrival.
/// </summary>
public sealed record IncomingFieldValues(
    string? TypeCode,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly? IssuedDate,
    string? IssuingOrganId,
    string? IssuingOrganName,
    string? Subject,
    string? Language,
    int? PageAmount,
    string? Description,
    string? SignerPosition,
    string? SignerFullName,
    string? Urgency,
    DateOnly? DueDate,
    bool RequestsComments,
    string? PaperAppendixNote,
    string? PaperAppendixHolder) : IValidatableRequest
{
    public const string DefaultLanguage = "Tiếng Việt";

    /// <summary>As the body of <c>PUT /incoming/{id}</c> (editing a registered document's fields).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Validate(errors);
        return errors;
    }

    public void Validate(Dictionary<string, string[]> errors)
    {
        if (DocumentTypes.Find(TypeCode?.Trim()) is null)
        {
            errors["typeCode"] = ["Vui lòng chọn loại văn bản."];
        }

        IncomingFields.Length(errors, "codeNumber", CodeNumber, IncomingDocument.CodeNumberMaxLength, "Số văn bản");
        IncomingFields.Length(errors, "codeNotation", CodeNotation, IncomingDocument.CodeNotationMaxLength, "Ký hiệu");
        if (!string.IsNullOrWhiteSpace(IssuingOrganId) && !AgencyCode.IsValid(IssuingOrganId.Trim(), out var codeError))
        {
            errors["issuingOrganId"] = [codeError];
        }

        IncomingFields.Required(errors, "issuingOrganName", IssuingOrganName, IncomingDocument.OrganNameMaxLength, "Vui lòng nhập cơ quan ban hành.", "Cơ quan ban hành");
        IncomingFields.Required(errors, "subject", Subject, IncomingDocument.SubjectMaxLength, "Vui lòng nhập trích yếu nội dung.", "Trích yếu");
        IncomingFields.Length(errors, "language", Language, IncomingDocument.LanguageMaxLength, "Ngôn ngữ");
        if (PageAmount is < 1 or > IncomingDocument.MaxPageAmount)
        {
            errors["pageAmount"] = [$"Số trang từ 1 đến {IncomingDocument.MaxPageAmount}."];
        }

        IncomingFields.Length(errors, "description", Description, IncomingDocument.DescriptionMaxLength, "Ghi chú");
        IncomingFields.Length(errors, "signerPosition", SignerPosition, IncomingDocument.SignerPositionMaxLength, "Chức vụ người ký");
        IncomingFields.Length(errors, "signerFullName", SignerFullName, IncomingDocument.SignerNameMaxLength, "Họ tên người ký");
        if (UrgencyNames.ParseUrgency(Urgency) is null)
        {
            errors["urgency"] = ["Độ khẩn không hợp lệ: chọn Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc."];
        }

        if (DueDate is { } due && IssuedDate is { } issued && due < issued)
        {
            errors["dueDate"] = ["Hạn giải quyết không được trước ngày văn bản."];
        }

        IncomingFields.Length(errors, "paperAppendixNote", PaperAppendixNote, IncomingDocument.PaperNoteMaxLength, "Ghi chú phụ lục bản giấy");
        IncomingFields.Length(errors, "paperAppendixHolder", PaperAppendixHolder, IncomingDocument.PaperHolderMaxLength, "Người giữ phụ lục bản giấy");
    }

    public IncomingMetadata ToMetadata() => new(
        TypeCode!.Trim(),
        IncomingFields.Clean(CodeNumber),
        IncomingFields.Clean(CodeNotation),
        IssuedDate,
        IncomingFields.Clean(IssuingOrganId),
        IncomingFields.Clean(IssuingOrganName)!,
        IncomingFields.Clean(Subject)!,
        IncomingFields.Clean(Language) ?? DefaultLanguage,
        PageAmount,
        IncomingFields.Clean(Description),
        IncomingFields.Clean(SignerPosition),
        IncomingFields.Clean(SignerFullName),
        UrgencyNames.ParseUrgency(Urgency) ?? Contracts.Urgency.Normal,
        DueDate,
        RequestsComments,
        IncomingFields.Clean(PaperAppendixNote),
        IncomingFields.Clean(PaperAppendixHolder));
}

public static class IncomingFields
{
    public const int MaxFiles = 50;

    /// <summary>Trims, composes (NFC) and turns blank into <c>null</c>.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Normalize(value.Trim());

    /// <summary>Number, symbol and organ compared for duplicates: trimmed, case-insensitive, without tone marks.</summary>
    public static string Comparable(string? value) => VietnameseText.Fold(value?.Trim()).Replace(" ", "", StringComparison.Ordinal);

    public static void Length(Dictionary<string, string[]> errors, string field, string? value, int max, string label)
    {
        if (Clean(value) is { } v && v.Length > max)
        {
            errors[field] = [$"{label} dài tối đa {max} ký tự."];
        }
    }

    public static void Required(Dictionary<string, string[]> errors, string field, string? value, int max, string missing, string label)
    {
        if (Clean(value) is null)
        {
            errors[field] = [missing];
        }
        else
        {
            Length(errors, field, value, max, label);
        }
    }

    public static Confidentiality? ParseConfidentiality(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" or "thuong" or "thường" or "0" => Confidentiality.None,
        "mat" or "mật" or "secret" or "1" => Confidentiality.Secret,
        "toi-mat" or "tối mật" or "topsecret" or "2" => Confidentiality.TopSecret,
        "tuyet-mat" or "tuyệt mật" or "absolutesecret" or "3" => Confidentiality.AbsoluteSecret,
        _ => null,
    };

    public static string ConfidentialityCode(Confidentiality level) => level switch
    {
        Confidentiality.Secret => "mat",
        Confidentiality.TopSecret => "toi-mat",
        Confidentiality.AbsoluteSecret => "tuyet-mat",
        _ => "none",
    };

    /// <summary>Decree 30 Art. 22.5; regulation 000 Điều 9, 001 Điều 4: secret documents never enter eOffice.</summary>
    public static string SecretRefusal(Confidentiality level) =>
        $"Văn bản có độ mật \"{UrgencyNames.Name(level)}\" không được tiếp nhận, vào sổ và xử lý trên hệ thống eOffice " +
        "(Nghị định 30/2020/NĐ-CP Điều 22 khoản 5; Quy chế công tác văn thư Điều 9). Hãy tiếp nhận và xử lý theo quy định về bảo vệ bí mật nhà nước.";

    public static void ValidateConfidentiality(Dictionary<string, string[]> errors, string? value)
    {
        switch (ParseConfidentiality(value))
        {
            case null:
                errors["confidentiality"] = ["Độ mật không hợp lệ."];
                break;
            case Confidentiality.None:
                break;
            case var level:
                errors["confidentiality"] = [SecretRefusal(level.Value)];
                break;
        }
    }

    public static string? SourceCode(IncomingSource source) => source switch
    {
        IncomingSource.Email => "email",
        IncomingSource.Electronic => "electronic",
        _ => "paper",
    };

    public static IncomingSource? ParseSource(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "paper" => IncomingSource.Paper,
        "email" => IncomingSource.Email,
        _ => null,
    };
}
