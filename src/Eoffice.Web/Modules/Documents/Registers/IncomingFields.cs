using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>The incoming-only fields around a document's metadata: how it arrived, its declared secrecy, its files.</summary>
public static class IncomingFields
{
    public const int MaxFiles = 50;

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

    public static void ValidateConfidentiality(IDictionary<string, string[]> errors, string? value)
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

    public static IncomingSource? ParseSource(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "paper" => IncomingSource.Paper,
        "email" => IncomingSource.Email,
        _ => null,
    };
}
