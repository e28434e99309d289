namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>
/// Quyền hạn ký (Decree 30/2020 Phụ lục I Phần I.II.7): how the signer signs — in their own right, on behalf of a
/// collective body (TM.), as acting head (Q.), as a deputy signing for the head (KT.), by order of the head (TL.) or by
/// the head's written authorisation (TUQ.).
/// </summary>
public enum SigningAuthority
{
    /// <summary>The head signs in their own right: no prefix.</summary>
    None = 0,

    /// <summary>TM. — on behalf of a collective body (thay mặt).</summary>
    OnBehalfOf = 1,

    /// <summary>Q. — acting head (quyền).</summary>
    Acting = 2,

    /// <summary>KT. — a deputy signing for the head (ký thay).</summary>
    ForHead = 3,

    /// <summary>TL. — by order of the head (thừa lệnh).</summary>
    ByOrder = 4,

    /// <summary>TUQ. — by the head's written authorisation (thừa ủy quyền).</summary>
    ByAuthorisation = 5,
}

public static class SigningAuthorities
{
    /// <summary>The prefix as printed before the authority line: <c>TM.</c>, <c>Q.</c>, <c>KT.</c>, <c>TL.</c>, <c>TUQ.</c>; empty for none.</summary>
    public static string Prefix(SigningAuthority authority) => authority switch
    {
        SigningAuthority.OnBehalfOf => "TM.",
        SigningAuthority.Acting => "Q.",
        SigningAuthority.ForHead => "KT.",
        SigningAuthority.ByOrder => "TL.",
        SigningAuthority.ByAuthorisation => "TUQ.",
        _ => "",
    };

    /// <summary>The code a form or the API uses: <c>none</c>, <c>tm</c>, <c>q</c>, <c>kt</c>, <c>tl</c>, <c>tuq</c>.</summary>
    public static string Code(SigningAuthority authority) => authority switch
    {
        SigningAuthority.OnBehalfOf => "tm",
        SigningAuthority.Acting => "q",
        SigningAuthority.ForHead => "kt",
        SigningAuthority.ByOrder => "tl",
        SigningAuthority.ByAuthorisation => "tuq",
        _ => "none",
    };

    public static string Name(SigningAuthority authority) => authority switch
    {
        SigningAuthority.OnBehalfOf => "TM. (thay mặt tập thể)",
        SigningAuthority.Acting => "Q. (quyền)",
        SigningAuthority.ForHead => "KT. (ký thay người đứng đầu)",
        SigningAuthority.ByOrder => "TL. (thừa lệnh)",
        SigningAuthority.ByAuthorisation => "TUQ. (thừa ủy quyền)",
        _ => "Ký trực tiếp (không có tiền tố)",
    };

    public static IReadOnlyList<SigningAuthority> All { get; } = Enum.GetValues<SigningAuthority>();

    public static SigningAuthority? Parse(string? code) =>
        All.Cast<SigningAuthority?>().FirstOrDefault(a => string.Equals(Code(a!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(Prefix(a!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? (string.IsNullOrWhiteSpace(code) ? SigningAuthority.None : null);
}
