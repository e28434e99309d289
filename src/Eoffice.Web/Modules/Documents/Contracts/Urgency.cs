namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>Độ khẩn (Decree 30 Art. 22; the <c>Priority</c> field of Phụ lục VI). Higher values are handled first.</summary>
public enum Urgency
{
    /// <summary>Thường.</summary>
    Normal = 0,

    /// <summary>Khẩn.</summary>
    Urgent = 1,

    /// <summary>Thượng khẩn.</summary>
    VeryUrgent = 2,

    /// <summary>Hỏa tốc.</summary>
    Flash = 3,
}

/// <summary>Độ mật. Documents with any level other than <see cref="None"/> must not be processed in eOffice (Decree 30 Art. 22.5).</summary>
public enum Confidentiality
{
    None = 0,

    /// <summary>Mật.</summary>
    Secret = 1,

    /// <summary>Tối mật.</summary>
    TopSecret = 2,

    /// <summary>Tuyệt mật.</summary>
    AbsoluteSecret = 3,
}

public static class UrgencyNames
{
    public static string Name(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "Khẩn",
        Urgency.VeryUrgent => "Thượng khẩn",
        Urgency.Flash => "Hỏa tốc",
        _ => "Thường",
    };

    public static string Name(Confidentiality level) => level switch
    {
        Confidentiality.Secret => "Mật",
        Confidentiality.TopSecret => "Tối mật",
        Confidentiality.AbsoluteSecret => "Tuyệt mật",
        _ => "Thường",
    };

    /// <summary>The code a form or the API uses for <paramref name="urgency"/> (what <see cref="ParseUrgency"/> reads).</summary>
    public static string Code(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "urgent",
        Urgency.VeryUrgent => "veryurgent",
        Urgency.Flash => "flash",
        _ => "normal",
    };

    /// <summary>The urgency choices of a form, in order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Options { get; } =
        [.. Enum.GetValues<Urgency>().Select(u => (Code(u), Name(u)))];

    public static Urgency? ParseUrgency(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "normal" or "thường" => Urgency.Normal,
        "1" or "urgent" or "khẩn" => Urgency.Urgent,
        "2" or "veryurgent" or "thượng khẩn" => Urgency.VeryUrgent,
        "3" or "flash" or "hỏa tốc" or "hoả tốc" => Urgency.Flash,
        _ => null,
    };
}
