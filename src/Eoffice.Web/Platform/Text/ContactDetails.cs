namespace Eoffice.Web.Platform.Text;

/// <summary>What counts as an e-mail address or a phone number in the contact details of agencies, units and people.</summary>
public static class ContactDetails
{
    /// <summary>A plain address "name@domain.tld": one @, a dot in the domain, no spaces.</summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace) && value.Length <= 256;
    }

    /// <summary>8 to 15 digits, with spaces, "+", ".", "-" and parentheses allowed between them ("0229 3871 222").</summary>
    public static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && value.Length <= 50
            && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')');
    }
}
