using System.Globalization;
using System.Text;

namespace Eoffice.Web.Platform.Text;

/// <summary>
/// Vietnamese text rules used everywhere: NFC normalisation (TCVN 6909:2001), search folding
/// (case, tone and vowel marks, đ/Đ → d) applied identically at index and query time, and vi-VN ordering.
/// </summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Orders strings as a Vietnamese reader expects (a, ă, â, b, c, d, đ, e, ê …), ignoring case.</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, CompareOptions.IgnoreCase);

    /// <summary>Composes text to Unicode NFC (precomposed), as TCVN 6909:2001 requires.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Folds text for searching: lower case, no tone or vowel marks, đ/Đ → d, and runs of white space collapsed.
    /// "Quyết định ĐẦU TƯ" and "quyet dinh dau tu" fold to the same string.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                'Ð' => 'd', // U+00D0, a common mistype of Đ in legacy data
                _ => char.ToLowerInvariant(c),
            };

            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(folded);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
