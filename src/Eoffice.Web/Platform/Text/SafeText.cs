using System.Globalization;
using System.Text;

namespace Eoffice.Web.Platform.Text;

/// <summary>
/// The characters no text of eOffice keeps: control characters (C0, DEL and C1; tab, line feed and carriage return stay
/// in text that may span lines), the Unicode bidirectional controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) that
/// make <c>hoadon\u202Efdp.zip</c> display as "hoadonpiz.pdf", the other invisible format characters (zero-width space,
/// word joiner, byte-order mark, soft hyphen, tag characters…; the zero-width joiner and non-joiner of emoji and scripts
/// stay) and unpaired surrogates. Text confidently in TCVN3 that holds its ư (0xAD, a soft hyphen) is converted to Unicode
/// first (<see cref="LegacyVietnamese"/>). Removed at the edge, from every posted text (so a field left empty without them is
/// refused as empty, beside the field), from file names, and from every text saved.
/// </summary>
public static class SafeText
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// <paramref name="text"/> without the characters above; with <paramref name="multiLine"/> false, tabs and line
    /// breaks become spaces (a name, a file name). Returns the same instance when nothing is removed.
    /// </summary>
    public static string Clean(string text, bool multiLine = true)
    {
        if (IsSafe(text, multiLine))
        {
            return text;
        }

        if (text.Contains('\u00AD') && LegacyVietnamese.Detect(text) == LegacyEncoding.Tcvn3)
        {
            // TCVN3 writes ư as 0xAD, the soft hyphen this removes: convert such text first, or its ư would be lost.
            return Clean(LegacyVietnamese.ToUnicode(text, LegacyEncoding.Tcvn3), multiLine);
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            var valid = !(length == 1 && char.IsSurrogate(text[i]));
            i += length;
            switch (Classify(rune, valid, multiLine))
            {
                case Kind.Keep:
                    builder.Append(rune.ToString());
                    break;
                case Kind.LineBreak:
                    builder.Append(multiLine ? '\n' : ' ');
                    break;
                case Kind.Space:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="text"/> has none of the characters <see cref="Clean"/> removes or replaces.</summary>
    public static bool IsSafe(string text, bool multiLine = true)
    {
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            if (Classify(rune, !(length == 1 && char.IsSurrogate(text[i])), multiLine) != Kind.Keep)
            {
                return false;
            }

            i += length;
        }

        return true;
    }

    /// <summary>The text as it is stored: safe (<see cref="Clean"/>, multi-line) and composed to NFC (TCVN 6909:2001).</summary>
    public static string ForStorage(string text)
    {
        var safe = Clean(text);
        return safe.IsNormalized(NormalizationForm.FormC) ? safe : VietnameseText.Normalize(safe);
    }

    private enum Kind
    {
        Keep,
        Drop,
        LineBreak,
        Space,
    }

    private static Kind Classify(Rune rune, bool valid, bool multiLine)
    {
        if (!valid)
        {
            return Kind.Drop; // an unpaired surrogate is not text (and PostgreSQL refuses it)
        }

        if (rune.Value is '\n' or '\r' or '\t')
        {
            return multiLine ? Kind.Keep : Kind.Space;
        }

        if (rune.Value is 0x2028 or 0x2029)
        {
            return Kind.LineBreak;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => Kind.Drop,
            UnicodeCategory.Format when rune.Value is not (ZeroWidthNonJoiner or ZeroWidthJoiner) => Kind.Drop,
            _ => Kind.Keep,
        };
    }
}
