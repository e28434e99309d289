using System.Globalization;
using System.Text;

namespace Eoffice.Web.Platform.Text;

/// <summary>How a Vietnamese text is encoded, as <see cref="LegacyVietnamese.Detect"/> sees it.</summary>
public enum LegacyEncoding
{
    /// <summary>Unicode (or text that is not confidently legacy Vietnamese: English, French, a code).</summary>
    Unicode = 0,

    /// <summary>TCVN3 (ABC, TCVN 5712:1993 VN3), the 8-bit code points of the .VnTime fonts read as Windows-1252/Latin-1.</summary>
    Tcvn3 = 1,

    /// <summary>VNI-Windows: a base letter followed by mark characters, read as Windows-1252/Latin-1.</summary>
    Vni = 2,
}

/// <summary>
/// Detects Vietnamese text written in the two legacy 8-bit encodings still found in old files and pasted metadata —
/// TCVN3 (ABC) and VNI-Windows — and converts it to Unicode NFC.
/// <para>
/// Tables. TCVN3: the VN3 subset of TCVN 5712:1993 — lower-case letters at 0xA8–0xAE and 0xB5–0xFE, the seven
/// upper-case base letters Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7; the toned upper-case letters are not in VN3: the ".VnTimeH"
/// fonts draw the lower-case code points as capitals, so a toned code point inside an upper-case word is converted to
/// the capital (<c>QUYÕT</c> → <c>QUYẾT</c>). Checked against the TCVN 5712 decoder table of Mozilla's charset tests
/// (intl/uconv/tests/unit/test_decode_tcvn5712.js) and X11 lcUniConv/tcvn.h. VNI-Windows: a vowel followed by its mark
/// character (â circumflex, ê breve, ù ø û õ ï the five tones, á à å ã ä circumflex with a tone, é è ú ü ë breve with a
/// tone), ô = ơ, ö = ư, í ì æ ó ò the toned i, î = ỵ, ñ = đ, upper case with the upper-case marks; checked against the
/// VNI table of xvnkb (lamdao/xvnkb, vni.h).
/// </para>
/// <para>
/// Detection (<see cref="Detect"/>) never touches real Unicode Vietnamese nor English/French text: text holding
/// characters only Unicode Vietnamese uses (ă đ ơ ư ĩ ũ, U+1EA0–1EF9, combining tone marks) is Unicode. Otherwise
/// each word of two or more characters holding a code point of the encoding is converted alone and must become a
/// valid Vietnamese syllable (an initial consonant from the Vietnamese set, a vowel nucleus Vietnamese spells (a, oa, ươi…), a final from c ch m n
/// ng nh p t, at most one tone). The encoding is confident when at least two such words convert, at least 80 % of the
/// candidate words do, and at least a third of them hold a character that Unicode Vietnamese never writes (TCVN3: the
/// symbols ¡–¾, ×, ÷ and Latin letters such as Ç Ë Ð Ñ Ö Ø Þ å æ ç ë ï ñ ö ø û ü þ; VNI: ø û ï ä å ë ü æ ñ î ö) —
/// French has é è ê à ç, but its words do not make Vietnamese syllables. A single legacy word is left as it is.
/// </para>
/// </summary>
public static class LegacyVietnamese
{
    private static readonly string[] Vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];

    // Tones in the order of the tables below: none, sắc, huyền, hỏi, ngã, nặng.
    private static readonly string[] ToneMarks = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

    // TCVN3 (VN3) code points of each vowel × tone, as the character Windows-1252 gives the byte.
    private static readonly string[] Tcvn3Rows =
    [
        "a\u00B8\u00B5\u00B6\u00B7\u00B9", // a á à ả ã ạ
        "\u00A8\u00BE\u00BB\u00BC\u00BD\u00C6", // ă ắ ằ ẳ ẵ ặ
        "\u00A9\u00CA\u00C7\u00C8\u00C9\u00CB", // â ấ ầ ẩ ẫ ậ
        "e\u00D0\u00CC\u00CE\u00CF\u00D1", // e é è ẻ ẽ ẹ
        "\u00AA\u00D5\u00D2\u00D3\u00D4\u00D6", // ê ế ề ể ễ ệ
        "i\u00DD\u00D7\u00D8\u00DC\u00DE", // i í ì ỉ ĩ ị
        "o\u00E3\u00DF\u00E1\u00E2\u00E4", // o ó ò ỏ õ ọ
        "\u00AB\u00E8\u00E5\u00E6\u00E7\u00E9", // ô ố ồ ổ ỗ ộ
        "\u00AC\u00ED\u00EA\u00EB\u00EC\u00EE", // ơ ớ ờ ở ỡ ợ
        "u\u00F3\u00EF\u00F1\u00F2\u00F4", // u ú ù ủ ũ ụ
        "\u00AD\u00F8\u00F5\u00F6\u00F7\u00F9", // ư ứ ừ ử ữ ự
        "y\u00FD\u00FA\u00FB\u00FC\u00FE", // y ý ỳ ỷ ỹ ỵ
    ];

    // VNI-Windows sequences of each vowel × tone (lower case; upper case is the same with every character upper-cased).
    private static readonly string[][] VniRows =
    [
        ["a", "aù", "aø", "aû", "aõ", "aï"],
        ["aê", "aé", "aè", "aú", "aü", "aë"],
        ["aâ", "aá", "aà", "aå", "aã", "aä"],
        ["e", "eù", "eø", "eû", "eõ", "eï"],
        ["eâ", "eá", "eà", "eå", "eã", "eä"],
        ["i", "í", "ì", "æ", "ó", "ò"],
        ["o", "où", "oø", "oû", "oõ", "oï"],
        ["oâ", "oá", "oà", "oå", "oã", "oä"],
        ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"],
        ["u", "uù", "uø", "uû", "uõ", "uï"],
        ["ö", "öù", "öø", "öû", "öõ", "öï"],
        ["y", "yù", "yø", "yû", "yõ", "î"],
    ];

    /// <summary>TCVN3 character → its Unicode lower-case letter (upper case for the seven base capitals).</summary>
    internal static readonly IReadOnlyDictionary<char, char> Tcvn3 = BuildTcvn3();

    /// <summary>VNI sequence (one or two characters) → its Unicode letter, lower and upper case.</summary>
    internal static readonly IReadOnlyDictionary<string, char> Vni = BuildVni();

    private static readonly HashSet<char> Tcvn3Strong = [.. "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾×÷ÆÇËÎÏÐÑÖØÞßåæçëîïñöøûüþÜä"];
    private static readonly HashSet<char> VniStrong = [.. "øûïäåëüæñîöØÛÏÄÅËÜÆÑÎÖ"];
    private static readonly HashSet<char> VniChars = [.. Vni.Keys.SelectMany(k => k).Where(c => c > 0x7F)];
    private static readonly HashSet<char> Tcvn3UpperBase = [.. "¡¢£¤¥¦§"];

    /// <summary>The 67 Vietnamese lower-case letters beyond ASCII (the 12 vowels × 6 tones less the 6 plain ASCII vowels, and đ).</summary>
    public static IReadOnlyList<char> LowerLetters { get; } = BuildLetters();

    /// <summary>Which encoding <paramref name="text"/> is in; <see cref="LegacyEncoding.Unicode"/> unless a legacy one is confident (see the class).</summary>
    public static LegacyEncoding Detect(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => c > 0x7F) || UnicodeOnlyCount(text) >= 2)
        {
            return LegacyEncoding.Unicode;
        }

        var tcvn3 = Score(text, IsTcvn3Char, Tcvn3Strong, w => ConvertTcvn3(w));
        var vni = Score(text, VniChars.Contains, VniStrong, ConvertVni);
        var best = tcvn3.Valid >= vni.Valid ? (Encoding: LegacyEncoding.Tcvn3, Score: tcvn3) : (Encoding: LegacyEncoding.Vni, Score: vni);
        return best.Score.Confident ? best.Encoding : LegacyEncoding.Unicode;
    }

    /// <summary><paramref name="text"/> in Unicode NFC: converted when <see cref="Detect"/> is confident, otherwise only composed.</summary>
    public static string ToUnicode(string text) => ToUnicode(text, Detect(text));

    /// <summary><paramref name="text"/> converted from <paramref name="encoding"/> (known from elsewhere: a font name, a setting) to Unicode NFC.</summary>
    public static string ToUnicode(string text, LegacyEncoding encoding) => encoding switch
    {
        LegacyEncoding.Tcvn3 => VietnameseText.Normalize(ConvertTcvn3(text)),
        LegacyEncoding.Vni => VietnameseText.Normalize(ConvertVni(text)),
        _ => VietnameseText.Normalize(text),
    };

    /// <summary>Whether <paramref name="word"/> (one word, any case, NFC or NFD) is a well-formed Vietnamese syllable.</summary>
    public static bool IsVietnameseSyllable(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var tones = 0;
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                tones++;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (tones > 1)
        {
            return false;
        }

        var letters = builder.ToString().Normalize(NormalizationForm.FormC);
        var i = 0;
        foreach (var onset in Onsets)
        {
            if (letters.StartsWith(onset, StringComparison.Ordinal))
            {
                i = onset.Length;
                break;
            }
        }

        var vowelStart = i;
        while (i < letters.Length && "aăâeêioôơuưy".Contains(letters[i]))
        {
            i++;
        }

        var vowels = i - vowelStart;
        if (vowels == 0 && vowelStart >= 2 && letters[..vowelStart] is "gi" or "qu")
        {
            vowels = 1; // "gì", "gin": the i of gi is the vowel
        }

        return vowels == 1 && vowelStart == i ? Codas.Contains(letters[i..])
            : Nuclei.Contains(letters[vowelStart..i]) && Codas.Contains(letters[i..]);
    }

    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

    // The vowel nuclei Vietnamese spells (without tones): single vowels, then the diphthongs and triphthongs.
    private static readonly HashSet<string> Nuclei =
    [
        "a", "ă", "â", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ];

    private static readonly HashSet<string> Codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    private readonly record struct WordScore(int Candidates, int Valid, int Strong)
    {
        public bool Confident => Valid >= 2 && Valid * 5 >= Candidates * 4 && Strong * 3 >= Valid;
    }

    private static WordScore Score(string text, Func<char, bool> isLegacy, HashSet<char> strong, Func<string, string> convert)
    {
        int candidates = 0, valid = 0, strongWords = 0;
        foreach (var word in Words(text, isLegacy))
        {
            if (word.Length < 2 || !word.Any(isLegacy))
            {
                continue;
            }

            candidates++;
            if (IsVietnameseSyllable(convert(word)))
            {
                valid++;
                if (word.Any(strong.Contains))
                {
                    strongWords++;
                }
            }
        }

        return new WordScore(candidates, valid, strongWords);
    }

    /// <summary>Runs of letters and legacy code points (TCVN3 uses symbols such as ¸ and ® as letters).</summary>
    private static IEnumerable<string> Words(string text, Func<char, bool> isLegacy)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || isLegacy(text[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static int UnicodeOnlyCount(string text) => text.Count(c =>
        c is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
            or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9')
            or '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323');

    private static bool IsTcvn3Char(char c) => c > 0x7F && Tcvn3.ContainsKey(c);

    private static string ConvertTcvn3(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                builder.Append('\n');
            }

            var line = lines[l];
            var lineUpper = IsUpperRun(line, minimum: 3);
            for (var i = 0; i < line.Length;)
            {
                if (!IsWordChar(line[i]))
                {
                    builder.Append(line[i]);
                    i++;
                    continue;
                }

                var end = i;
                while (end < line.Length && IsWordChar(line[end]))
                {
                    end++;
                }

                // The .VnTimeH convention: a toned code point inside a word written in capitals is a capital.
                var word = line.AsSpan(i, end - i);
                var upper = IsUpperRun(word, minimum: 2) || (lineUpper && IsUpperRun(word, minimum: 1));
                foreach (var c in word)
                {
                    builder.Append(c > 0x7F && Tcvn3.TryGetValue(c, out var letter) ? (upper ? char.ToUpperInvariant(letter) : letter) : c);
                }

                i = end;
            }
        }

        return builder.ToString();

        static bool IsWordChar(char c) => char.IsLetter(c) || IsTcvn3Char(c);
    }

    /// <summary>Whether a run has at least <paramref name="minimum"/> upper-case letters and no lower-case one (the lower-case TCVN3 code points count as neither: a .VnTimeH text writes capitals with them).</summary>
    private static bool IsUpperRun(ReadOnlySpan<char> run, int minimum)
    {
        var upper = 0;
        foreach (var c in run)
        {
            if (Tcvn3UpperBase.Contains(c) || char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return upper >= minimum;
    }

    private static string ConvertVni(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && text[i + 1] > 0x7F && Vni.TryGetValue(text.Substring(i, 2), out var pair))
            {
                builder.Append(pair);
                i++;
            }
            else if (text[i] > 0x7F && Vni.TryGetValue(text[i].ToString(), out var single))
            {
                builder.Append(single);
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static char Letter(int vowel, int tone) => (Vowels[vowel] + ToneMarks[tone]).Normalize(NormalizationForm.FormC)[0];

    private static IReadOnlyList<char> BuildLetters()
    {
        var letters = new List<char>();
        for (var v = 0; v < Vowels.Length; v++)
        {
            for (var t = 0; t < ToneMarks.Length; t++)
            {
                if (Letter(v, t) is var letter && letter > 0x7F)
                {
                    letters.Add(letter);
                }
            }
        }

        letters.Add('đ');
        return letters;
    }

    private static Dictionary<char, char> BuildTcvn3()
    {
        var map = new Dictionary<char, char>();
        for (var v = 0; v < Tcvn3Rows.Length; v++)
        {
            for (var t = 0; t < ToneMarks.Length; t++)
            {
                if (Tcvn3Rows[v][t] > 0x7F)
                {
                    map.Add(Tcvn3Rows[v][t], Letter(v, t));
                }
            }
        }

        map.Add('\u00AE', 'đ');
        foreach (var (code, letter) in new[] { ('\u00A1', 'Ă'), ('\u00A2', 'Â'), ('\u00A3', 'Ê'), ('\u00A4', 'Ô'), ('\u00A5', 'Ơ'), ('\u00A6', 'Ư'), ('\u00A7', 'Đ') })
        {
            map.Add(code, letter);
        }

        return map;
    }

    private static Dictionary<string, char> BuildVni()
    {
        var map = new Dictionary<string, char>(StringComparer.Ordinal);
        for (var v = 0; v < VniRows.Length; v++)
        {
            for (var t = 0; t < ToneMarks.Length; t++)
            {
                var sequence = VniRows[v][t];
                if (sequence.Any(c => c > 0x7F))
                {
                    var letter = Letter(v, t);
                    map.Add(sequence, letter);
                    map.Add(sequence.ToUpperInvariant(), char.ToUpperInvariant(letter));
                }
            }
        }

        map.Add("ñ", 'đ');
        map.Add("Ñ", 'Đ');
        return map;
    }
}
