using System.Text;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>
/// Escaping of what a person types before it goes into an LDAP distinguished name (RFC 4514 §2.4) or search filter
/// (RFC 4515 §3), so that "*", parentheses, commas and the like are matched literally and cannot change the query.
/// </summary>
public static class LdapEscaping
{
    /// <summary>Escapes an attribute value for use inside a DN, e.g. "uid={0},ou=people,…".</summary>
    public static string EscapeDnValue(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\0':
                    builder.Append(@"\00");
                    break;
                case '"' or '+' or ',' or ';' or '<' or '>' or '\\' or '=':
                    builder.Append('\\').Append(c);
                    break;
                case '#' when i == 0:
                case ' ' when i == 0 || i == value.Length - 1:
                    builder.Append('\\').Append(c);
                    break;
                default:
                    if (IsAsciiControl(c))
                    {
                        AppendHex(builder, c);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes an assertion value for use inside a search filter, e.g. "(mail={0})".</summary>
    public static string EscapeFilterValue(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '*' or '(' or ')' or '\\' or '\0' || IsAsciiControl(c))
            {
                AppendHex(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Puts the escaped value in place of every "{0}" of a DN template or filter.</summary>
    public static string Fill(string template, string escapedValue) => template.Replace("{0}", escapedValue, StringComparison.Ordinal);

    // Only single-byte (ASCII) characters are written as one \XX pair; everything else is left to the UTF-8 encoder.
    private static bool IsAsciiControl(char c) => c < ' ' || c == '\u007f';

    private static void AppendHex(StringBuilder builder, char c) => builder.Append('\\').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
}
