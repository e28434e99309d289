using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// The one folding of the index, applied to what is indexed and to what is typed: <see cref="VietnameseText.Fold"/>
/// (case, tones, vowel marks, đ → d), then words are the runs of letters and digits; anything else separates them.
/// Codes (a number and symbol "1234/STC-QLNS", an arrival number "12/2026") are indexed by their parts and squashed
/// whole ("1234stcqlns"), so that exact and partial look-ups both match. Snippets are built here too.
/// </summary>
public static partial class SearchText
{
    /// <summary>At most this many words of a query are used.</summary>
    public const int MaxTokens = 10;

    /// <summary>At most this many characters of an item's text are indexed (a tsvector holds at most 1 MB).</summary>
    public const int MaxIndexedLength = 200_000;

    public const int SnippetLength = 200;

    /// <summary>The folded words of <paramref name="text"/>.</summary>
    public static List<string> Tokens(string? text, int max = int.MaxValue)
    {
        var tokens = new List<string>();
        var folded = VietnameseText.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length && tokens.Count < max; i++)
        {
            var word = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>The folded words of a text joined by single spaces: what the full-text index receives.</summary>
    public static string IndexText(string? text)
    {
        var value = text is { Length: > MaxIndexedLength } ? text[..MaxIndexedLength] : text;
        return string.Join(' ', Tokens(value));
    }

    /// <summary>Each code as its folded parts and as its squashed whole: "1234/STC-QLNS" → "1234 stc qlns 1234stcqlns".</summary>
    public static string CodeText(IEnumerable<string?> codes)
    {
        var builder = new StringBuilder();
        foreach (var code in codes)
        {
            var parts = Tokens(code);
            if (parts.Count == 0)
            {
                continue;
            }

            builder.Append(' ').AppendJoin(' ', parts);
            if (parts.Count > 1)
            {
                builder.Append(' ').Append(string.Concat(parts));
            }
        }

        return builder.Length == 0 ? "" : builder.Append(' ').ToString();
    }

    /// <summary>
    /// A code as the codes' b-tree holds it (<c>search_entry_codes</c>): its folded parts, each followed by a space
    /// ("4711/QĐ-UBND" → "4711 qd ubnd "), so that a whole code is an equality, a bare number "4711 " and a code typed so
    /// far a prefix. Only letters and digits besides the spaces: never a LIKE or GLOB wildcard. Empty for no parts.
    /// </summary>
    public static string CodeKey(IReadOnlyList<string> parts)
    {
        var key = parts.Count == 0 ? "" : string.Join(' ', parts) + " ";
        return key.Length <= Data.SearchEntryCode.CodeMaxLength ? key : key[..Data.SearchEntryCode.CodeMaxLength];
    }

    /// <summary>The distinct non-empty <see cref="CodeKey"/>s of <paramref name="codes"/>.</summary>
    public static IReadOnlyList<string> CodeKeys(IEnumerable<string?> codes) =>
        codes.Select(c => CodeKey(Tokens(c))).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether a query looks like a number and symbol (one word of letters and digits joined by "/", "-" or ".", or a
    /// number): "12345", "12345/QĐ", "QĐ-UBND", "1234/ST".
    /// </summary>
    public static bool LooksLikeCode(string? query)
    {
        var q = query?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 60)
        {
            return false;
        }

        return CodePattern().IsMatch(q) && Tokens(q).Count is > 0 and <= 6;
    }

    [GeneratedRegex(@"^(\p{N}+|[\p{L}\p{M}\p{N}]+([/\-.][\p{L}\p{M}\p{N}]*)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>
    /// Whether a query is a complete code, looked up whole before any prefix: a bare number ("4711") or a number and
    /// symbol in the Decree 30 form, number "/" then parts with a "-" ("4711/SGTVT-KHTC", "30/2020/NĐ-CP").
    /// "12345/QĐ" and "QĐ-UBND" are partial: they are matched as prefixes and parts.
    /// </summary>
    public static bool IsCompleteCode(string? query) => LooksLikeCode(query) && CompleteCodePattern().IsMatch(query!.Trim());

    [GeneratedRegex(@"^\p{N}+((/[\p{L}\p{M}\p{N}]+)+(-[\p{L}\p{M}\p{N}]+)+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CompleteCodePattern();

    /// <summary>
    /// A short passage of <paramref name="body"/> around the first match of a <paramref name="tokens"/> word (a word
    /// starting with the folded token), HTML-encoded, the matches in &lt;mark&gt;. Without a match: the beginning.
    /// </summary>
    public static string? Snippet(string? body, IReadOnlyList<string> tokens, int length = SnippetLength)
    {
        body = body?.TrimEnd();
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var (folded, map) = FoldWithMap(body);
        var matches = new List<(int Start, int End)>();
        foreach (var token in tokens.Where(t => t.Length > 0).Distinct())
        {
            for (var at = folded.IndexOf(token, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(token, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || !char.IsLetterOrDigit(folded[at - 1]))
                {
                    matches.Add((at, at + token.Length));
                }
            }
        }

        matches.Sort();
        int OriginalStart(int foldedIndex) => map[foldedIndex];
        int OriginalEnd(int foldedEnd)
        {
            var end = foldedEnd >= folded.Length ? body.Length : map[foldedEnd];
            if (foldedEnd > 0 && foldedEnd < folded.Length && map[foldedEnd] == map[foldedEnd - 1])
            {
                end = map[foldedEnd - 1] + 1;
            }

            while (end < body.Length && IsMark(body[end]))
            {
                end++;
            }

            return end;
        }

        var first = matches.Count == 0 ? 0 : OriginalStart(matches[0].Start);
        var windowStart = first < length * 3 / 4 ? 0 : first - (length / 4);
        while (windowStart > 0 && windowStart < first && !char.IsWhiteSpace(body[windowStart - 1]))
        {
            windowStart++;
        }

        var windowEnd = Math.Min(body.Length, windowStart + length);
        while (windowEnd < body.Length && windowEnd > windowStart && (IsMark(body[windowEnd]) || char.IsLowSurrogate(body[windowEnd])))
        {
            windowEnd++;
        }

        var html = new StringBuilder();
        if (windowStart > 0)
        {
            html.Append('…');
        }

        var position = windowStart;
        foreach (var (start, end) in matches)
        {
            var from = OriginalStart(start);
            var to = OriginalEnd(end);
            if (from < position || from >= windowEnd)
            {
                continue;
            }

            to = Math.Min(to, windowEnd);
            html.Append(Encode(body[position..from])).Append("<mark>").Append(Encode(body[from..to])).Append("</mark>");
            position = to;
        }

        html.Append(Encode(body[position..windowEnd]));
        if (windowEnd < body.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.EnclosingMark;

    /// <summary>Encodes what HTML gives a meaning to (&amp; &lt; &gt; and quotes); Vietnamese letters stay as they are.</summary>
    private static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\r' or '\t' => " ",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The folded text with, for each folded character, the index of the original character it came from.</summary>
    private static (string Folded, int[] Map) FoldWithMap(string body)
    {
        var folded = new StringBuilder(body.Length);
        var map = new List<int>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            string piece;
            if (char.IsHighSurrogate(c) && i + 1 < body.Length)
            {
                piece = body.Substring(i, 2);
                folded.Append(piece);
                map.Add(i);
                map.Add(i);
                i++;
                continue;
            }

            piece = c < 128 ? char.ToLowerInvariant(c).ToString() : VietnameseText.Fold(c.ToString());
            if (piece.Length == 0 && char.IsWhiteSpace(c))
            {
                piece = " ";
            }

            foreach (var f in piece)
            {
                folded.Append(f);
                map.Add(i);
            }
        }

        return (folded.ToString(), map.ToArray());
    }
}
