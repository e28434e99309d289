using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Registers.Reading;

/// <summary>
/// Reads the registration fields of an incoming official document from its text (a text PDF's, or OCR's), following
/// the Decree 30/2020 layout (Phụ lục I): the organ block at the top left, "Số: 1234/STC-QLNS" under it, the place and
/// date line at the top right under the national motto, the type title ("QUYẾT ĐỊNH") and its subject, or "V/v …" for
/// a công văn, the urgency stamp, the signature block ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", the name on the last line).
/// Rules, not a model (ADR 0027): every field comes with a confidence and the line it was read from, and is only a
/// proposal. Matching is done on folded text (<see cref="VietnameseText.Fold"/>, character by character so the original
/// spelling can be cut out) and tolerates what OCR does: lost diacritics, "S6:" for "Số:", "l" for "1", broken lines,
/// extra spaces, the two header columns merged on one line or read one after the other.
/// </summary>
public static class IncomingReader
{
    /// <summary>Fewer recognisable Vietnamese words than this is not a document one can read fields from.</summary>
    public const int MinimumVietnameseWords = 12;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex NumberLine = new(@"(?<![a-z0-9])(?:so|s6|s0|se|s)\s*[:;.,]?\s*(?<n>[0-9][0-9lio]{0,5}|[lio][0-9][0-9lio]{0,4})\s*/\s*(?<s>[0-9a-z](?:[0-9a-z]|\s*[-/.]\s*(?=[0-9a-z]))*)", Options);
    private static readonly Regex BareNumber = new(@"(?<![a-z0-9/])(?<n>[0-9]{1,5})\s*/\s*(?<s>(?:[0-9]{4}\s*/\s*)?[a-z]{1,6}(?:\s*-\s*[a-z0-9]+)+)", Options);
    // OCR may put a stray letter before a digit ("tháng Z7"): one is skipped.
    private static readonly Regex DateWords = new(@"ngay\s*(?:[a-hj-km-np-z](?=[0-9]))?(?<d>[0-9lio]{1,2})\s*[,.]?\s*thang\s*(?:[a-hj-km-np-z](?=[0-9]))?(?<m>[0-9lio]{1,2})\s*[,.]?\s*nam\s*(?<y>[0-9lio]{4})", Options);
    private static readonly Regex DateDigits = new(@"ngay\s*(?<d>[0-9]{1,2})\s*[/.-]\s*(?<m>[0-9]{1,2})\s*[/.-]\s*(?<y>[0-9]{4})", Options);
    private static readonly Regex Motto = new(@"c[o0]ng\s*h[o0]a\s*x[a]\s*h[o0]i\s*ch[u]\s*ngh[il1]a\s*vi[e]t\s*nam|d[o0]c\s*l[a]p\s*[-–—.,]?\s*t[u]\s*d[o0]\s*[-–—.,]?\s*h[a]nh\s*ph[u]c", Options);
    private static readonly Regex Subject = new(@"^\s*v\s*[/|l1i]\s*[vy]\b\.?", Options);
    private static readonly Regex Spaces = new(@"\s+", Options);
    private static readonly Regex Rule = new(@"^[\s\-_=.–—*~]{3,}$", Options);

    private static readonly (string Folded, string Code)[] Titles =
    [
        .. DocumentTypes.All.Where(t => !t.IsCopy && t.Code is not DocumentTypes.PublicLetterCode)
            .Select(t => (VietnameseText.Fold(t.Name), t.Code)),
    ];

    // Positions of signers, folded, longest first, with how they are written in the register.
    private static readonly (string Folded, string Display)[] Positions =
    [
        .. new[]
        {
            "Phó Tổng Giám đốc", "Tổng Giám đốc", "Phó Giám đốc", "Giám đốc", "Phó Chủ tịch", "Chủ tịch", "Thứ trưởng", "Bộ trưởng",
            "Phó Thủ tướng", "Thủ tướng", "Phó Chánh Văn phòng", "Chánh Văn phòng", "Phó Trưởng phòng", "Trưởng phòng",
            "Phó Cục trưởng", "Cục trưởng", "Phó Tổng cục trưởng", "Tổng cục trưởng", "Phó Vụ trưởng", "Vụ trưởng",
            "Phó Trưởng ban", "Trưởng ban", "Phó Chánh Thanh tra", "Chánh Thanh tra", "Phó Chủ nhiệm", "Chủ nhiệm",
            "Phó Viện trưởng", "Viện trưởng", "Phó Hiệu trưởng", "Hiệu trưởng", "Phó Bí thư", "Bí thư", "Trưởng Công an",
        }.Select(p => (VietnameseText.Fold(p), p)).OrderByDescending(p => p.Item1.Length),
    ];

    private static readonly string[] Authorities = ["kt", "tm", "tl", "tuq", "q", "ktl"];

    private static readonly string[] BodyStarts =
        ["can cu", "kinh gui", "thuc hien", "xet de nghi", "theo de nghi", "chu tich", "giam doc", "bo truong", "noi nhan", "dieu 1", "i.", "1."];

    // Words an official document is made of, folded: enough of them is what makes a text readable.
    private static readonly HashSet<string> Lexicon =
    [
        .. ("uy ban nhan dan tinh huyen thanh pho so bo cuc vu van phong cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc " +
            "ngay thang nam quyet dinh thong bao ke hoach to trinh bao cao giay moi cong van ve viec kinh gui can cu luat nghi " +
            "cua cac va cho voi trong theo de nghi thuc hien nhiem vu chuc nang quan ly tai chinh giam doc pho chu tich noi nhan " +
            "nhu tren luu don vi co quan to chuc ca nhan trien khai ket qua du toan ngan sach giao thong xay dung noi dung " +
            "muc dich yeu cau dieu khoan chuong ban hanh kem hieu luc ke tu ky bo phan lien quan chiu trach nhiem thi hanh " +
            "nay duoc la mot nhung khong khan thuong hoa toc phong kinh te tham muu tong hop huong dan chuong trinh").Split(' '),
    ];

    /// <summary>Proposes the registration fields of the document whose text is <paramref name="text"/>, matching its organ against <paramref name="directory"/>.</summary>
    public static IncomingProposal Propose(string? text, IReadOnlyCollection<DirectoryOrgan> directory)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IncomingProposal.Unreadable("Tệp không có chữ để đọc (trang trắng hoặc chưa nhận dạng được).");
        }

        var lines = Lines(LegacyVietnamese.ToUnicode(SafeText.Clean(text)));
        if (VietnameseWords(lines) < MinimumVietnameseWords)
        {
            return IncomingProposal.Unreadable("Không đọc được đủ chữ tiếng Việt trong văn bản để đề xuất các trường; vui lòng nhập tay.");
        }

        var numberAt = FindNumber(lines, out var number, out var symbol);
        var date = FindDate(lines);
        var organBlock = OrganBlock(lines, numberAt);
        var organ = MatchOrgan(organBlock, directory);
        var titleAt = FindTitle(lines, numberAt, out var type);
        var subject = FindSubject(lines, titleAt, numberAt);
        type ??= TypeFromSymbol(symbol, subject);
        var (position, name) = FindSigner(lines);
        var urgency = FindUrgency(lines, titleAt);
        return new IncomingProposal(true, null, number, symbol, date, organ, type, subject, position, name, urgency);
    }

    /// <summary>A line of the text and its folded form, of the same length, so a match in one cuts the other.</summary>
    private sealed record Line(string Text, string Folded)
    {
        public string Cut(int start, int length) => Text.Substring(start, length);
    }

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = Spaces.Replace(VietnameseText.Normalize(raw), " ").Trim();
            lines.Add(new Line(line, FoldSameLength(line)));
        }

        return lines;
    }

    /// <summary>Folds character by character (lower case, no marks, đ → d), keeping the length.</summary>
    private static string FoldSameLength(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var basic = c < 0x80 ? c : c.ToString().Normalize(NormalizationForm.FormD)[0];
            builder.Append(basic switch
            {
                'đ' or 'Đ' or 'Ð' => 'd',
                '|' => '|',
                _ => char.ToLowerInvariant(basic),
            });
        }

        return builder.ToString();
    }

    private static int VietnameseWords(List<Line> lines)
    {
        var count = 0;
        foreach (var line in lines)
        {
            foreach (var word in line.Text.Split([' ', ',', '.', ';', ':', '(', ')', '/', '-', '"'], StringSplitOptions.RemoveEmptyEntries))
            {
                var folded = VietnameseText.Fold(word);
                if (folded.Length >= 1 && LegacyVietnamese.IsVietnameseSyllable(word)
                    && (Lexicon.Contains(folded) || word.Any(c => c > 0x7F && char.IsLetter(c))))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static string Digits(string value) =>
        new([.. value.Select(c => c switch { 'l' or 'i' or 'I' or 'L' or '|' => '1', 'o' or 'O' => '0', _ => c })]);

    private static int FindNumber(List<Line> lines, out ProposedField? number, out ProposedField? symbol)
    {
        number = symbol = null;
        var limit = Math.Min(lines.Count, 40);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < limit; i++)
            {
                var match = (pass == 0 ? NumberLine : BareNumber).Match(lines[i].Folded);
                if (!match.Success)
                {
                    continue;
                }

                var n = match.Groups["n"];
                var s = match.Groups["s"];
                var symbolText = new string([.. lines[i].Cut(s.Index, s.Length).Where(c => !char.IsWhiteSpace(c))]).Trim('.', '/', '-');
                if (!symbolText.Any(char.IsLetter) || symbolText.Length > 30)
                {
                    continue;
                }

                var confidence = pass == 0 ? 0.95 : 0.65;
                var digits = Digits(lines[i].Cut(n.Index, n.Length));
                number = new ProposedField(digits, digits == lines[i].Cut(n.Index, n.Length) ? confidence : confidence - 0.1, lines[i].Text);
                symbol = new ProposedField(FixSymbol(symbolText), confidence - (symbolText.Contains('-') ? 0 : 0.15), lines[i].Text);
                return i;
            }
        }

        return -1;
    }

    /// <summary>OCR reads the Đ of a symbol as D or Ð: the type abbreviations are given back their Đ ("QD-UBND" → "QĐ-UBND").</summary>
    private static string FixSymbol(string symbol)
    {
        var parts = symbol.Split('-');
        var first = parts[0];
        var yearPrefix = "";
        var slash = first.LastIndexOf('/');
        if (slash >= 0)
        {
            yearPrefix = first[..(slash + 1)];
            first = first[(slash + 1)..];
        }

        if (!DocumentTypes.All.Any(t => t.Abbreviation == first)
            && DocumentTypes.All.FirstOrDefault(t => t.Abbreviation is { } a && VietnameseText.Fold(a) == VietnameseText.Fold(first) && a.Contains('Đ')) is { } type)
        {
            parts[0] = yearPrefix + type.Abbreviation;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Replace('Ð', 'Đ');
        }

        return string.Join('-', parts);
    }

    private static ProposedField? FindDate(List<Line> lines)
    {
        ProposedField? first = null;
        var limit = Math.Min(lines.Count, 40);
        foreach (var regex in new[] { DateWords, DateDigits })
        {
            for (var i = 0; i < limit; i++)
            {
                foreach (Match match in regex.Matches(lines[i].Folded))
                {
                    if (!int.TryParse(Digits(match.Groups["d"].Value), CultureInfo.InvariantCulture, out var day)
                        || !int.TryParse(Digits(match.Groups["m"].Value), CultureInfo.InvariantCulture, out var month)
                        || !int.TryParse(Digits(match.Groups["y"].Value), CultureInfo.InvariantCulture, out var year)
                        || year is < 1945 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                    {
                        continue;
                    }

                    var value = new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var placed = lines[i].Folded[..match.Index].TrimEnd().EndsWith(',');
                    var clean = Regex.IsMatch(match.Value, @"^[a-z\s,./-]*[0-9]+[a-z\s,./-]*[0-9]+[a-z\s,./-]*[0-9]{4}$");
                    var field = new ProposedField(value, (placed ? 0.95 : 0.8) - (clean ? 0 : 0.1), lines[i].Text);
                    if (placed)
                    {
                        return field;
                    }

                    first ??= field;
                }
            }

            if (first is not null)
            {
                return first;
            }
        }

        return null;
    }

    /// <summary>The folded text of a line with the motto, the number and the date cut out: what the left column holds.</summary>
    private static string LeftPart(Line line)
    {
        var folded = Motto.Replace(line.Folded, m => new string(' ', m.Length));
        var date = DateWords.Match(folded);
        if (date.Success)
        {
            var comma = folded.LastIndexOf(',', date.Index);
            folded = folded[..(comma > 0 && date.Index - comma < 4 ? PlaceStart(folded, comma) : date.Index)];
        }

        var number = NumberLine.Match(folded);
        if (number.Success)
        {
            folded = folded[..number.Index];
        }

        return Regex.Replace(folded, @"[^a-z0-9 ]", " ").Trim();
    }

    /// <summary>Where the place name before ", ngày" begins: the two words before the comma ("ninh binh, ngay").</summary>
    private static int PlaceStart(string folded, int comma)
    {
        var start = comma;
        var words = 0;
        while (start > 0 && words < 2)
        {
            start--;
            if (folded[start] == ' ' && start < comma - 1 && folded[start + 1] != ' ')
            {
                words++;
            }
        }

        return Math.Max(0, start);
    }

    /// <summary>An empty line, a rule, or OCR's specks (a lone "l", a few dots): fewer than two letters.</summary>
    private static bool IsHeaderNoise(string folded) => folded.Length == 0 || Rule.IsMatch(folded) || folded.Count(char.IsLetter) < 2;

    /// <summary>The lines of the organ block: up to three before the number line (or the title), without the right column.</summary>
    private static List<(string Folded, string Text)> OrganBlock(List<Line> lines, int numberAt)
    {
        var end = numberAt >= 0 ? numberAt : Math.Min(lines.Count, 8);
        var block = new List<(string Folded, string Text)>();
        for (var i = 0; i < end; i++)
        {
            var left = LeftPart(lines[i]);
            if (IsHeaderNoise(left) || Titles.Any(t => t.Folded == left))
            {
                continue;
            }

            if (numberAt < 0 && !IsUpperCase(lines[i].Text))
            {
                break;
            }

            block.Add((left, lines[i].Text));
        }

        // The organ block is the top left: when OCR read the left column after the right one, the last three lines are it.
        return block.Count > 3 ? block[^3..] : block;
    }

    private static bool IsUpperCase(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(char.IsUpper) >= letters.Count * 0.8;
    }

    private static readonly Dictionary<string, string[]> Abbreviations = new()
    {
        ["ubnd"] = ["uy", "ban", "nhan", "dan"],
        ["hdnd"] = ["hoi", "dong", "nhan", "dan"],
        ["tp"] = ["thanh", "pho"],
        ["gtvt"] = ["giao", "thong", "van", "tai"],
        ["khdt"] = ["ke", "hoach", "va", "dau", "tu"],
    };

    private static List<string> Tokens(string folded)
    {
        var tokens = new List<string>();
        foreach (var word in Regex.Split(folded, "[^a-z0-9]+").Where(w => w.Length > 0))
        {
            if (Abbreviations.TryGetValue(word, out var expanded))
            {
                tokens.AddRange(expanded);
            }
            else
            {
                tokens.Add(word);
            }
        }

        return tokens;
    }

    private static bool Near(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (a.Length < 4 || b.Length < 4 || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        // One edit apart (OCR's lost or changed letter).
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    private static double Coverage(List<string> of, List<string> by) =>
        of.Count == 0 ? 0 : of.Count(t => by.Any(b => Near(t, b))) / (double)of.Count;

    private static ProposedOrgan? MatchOrgan(List<(string Folded, string Text)> block, IReadOnlyCollection<DirectoryOrgan> directory)
    {
        if (block.Count == 0)
        {
            return null;
        }

        var all = Tokens(string.Join(' ', block.Select(b => b.Folded)));
        var last = Tokens(block[^1].Folded);
        var source = string.Join(" / ", block.Select(b => b.Text));
        (DirectoryOrgan Organ, double Score)? best = null;
        foreach (var organ in directory)
        {
            var tokens = Tokens(VietnameseText.Fold(organ.Name));
            var entryCoverage = Coverage(tokens, all);
            var lastCoverage = Coverage(last, tokens);
            if (entryCoverage < 0.75 || lastCoverage < 0.6)
            {
                continue;
            }

            // Prefer the entry naming the whole block best; among equals, the longer (more specific) name.
            var score = (0.6 * entryCoverage) + (0.4 * lastCoverage) + (tokens.Count * 0.001);
            if (best is null || score > best.Value.Score)
            {
                best = (organ, score);
            }
        }

        if (best is { } found)
        {
            return new ProposedOrgan(found.Organ.Id, found.Organ.Name, found.Organ.Code, Math.Min(0.97, Math.Round(found.Score, 2)), source);
        }

        return new ProposedOrgan(null, OrganName(block), null, 0.5, source);
    }

    /// <summary>The organ block as a name, when the directory does not know it: the issuing organ's line, in sentence case.</summary>
    private static string OrganName(List<(string Folded, string Text)> block)
    {
        var text = Regex.Replace(block[^1].Text, @"\s+", " ").Trim(' ', '-', '_', '.', ',');
        var length = LeftPart(new Line(text, FoldSameLength(text))).Length;
        text = text[..Math.Min(text.Length, Math.Max(length, 1))].Trim();
        if (!IsUpperCase(text))
        {
            return text;
        }

        var words = text.ToLower(VietnameseText.Culture).Split(' ');
        var capitalise = true;
        for (var i = 0; i < words.Length; i++)
        {
            if (capitalise || (i > 0 && VietnameseText.Fold(words[i - 1]) is "tinh" or "huyen" or "quan" or "xa" or "phuong" or "pho" or "cuc" or "bo" or "so"))
            {
                words[i] = words[i].Length == 0 ? words[i] : char.ToUpper(words[i][0], VietnameseText.Culture) + words[i][1..];
            }

            capitalise = false;
        }

        return string.Join(' ', words).Replace("Ubnd", "UBND", StringComparison.Ordinal);
    }

    private static int FindTitle(List<Line> lines, int numberAt, out ProposedField? type)
    {
        type = null;
        for (var i = Math.Max(0, numberAt); i < Math.Min(lines.Count, 60); i++)
        {
            var left = Regex.Replace(Motto.Replace(lines[i].Folded, ""), @"[^a-z ]", " ").Trim();
            left = Regex.Replace(left, @"\s+", " ");
            foreach (var (folded, code) in Titles)
            {
                if (left == folded && code != DocumentTypes.OfficialLetterCode)
                {
                    type = new ProposedField(code, IsUpperCase(lines[i].Text) ? 0.95 : 0.8, lines[i].Text);
                    return i;
                }
            }
        }

        return -1;
    }

    private static ProposedField? TypeFromSymbol(ProposedField? symbol, ProposedField? subject)
    {
        if (symbol is not null && DocumentNotation.Parse(symbol.Value.Split('/')[^1]) is { } parsed)
        {
            if (parsed.Type is { } typed)
            {
                return new ProposedField(typed.Code, 0.8, symbol.Source);
            }

            return new ProposedField(DocumentTypes.OfficialLetterCode, subject?.Value.StartsWith("V/v", StringComparison.Ordinal) == true ? 0.9 : 0.7, symbol.Source);
        }

        return subject?.Value.StartsWith("V/v", StringComparison.Ordinal) == true ? new ProposedField(DocumentTypes.OfficialLetterCode, 0.75, subject.Source) : null;
    }

    private static bool EndsSubject(Line line, bool first)
    {
        var folded = Regex.Replace(line.Folded, @"\s+", " ").Trim();
        return IsHeaderNoise(folded) || Motto.IsMatch(folded) || DateWords.IsMatch(folded) || NumberLine.IsMatch(folded)
            || (!first && BodyStarts.Any(b => folded.StartsWith(b, StringComparison.Ordinal)))
            || (first && folded.StartsWith("kinh gui", StringComparison.Ordinal))
            || Titles.Any(t => t.Folded == folded) || folded is "khan" or "thuong khan" or "hoa toc"
            || (!first && IsUpperCase(line.Text));
    }

    private static ProposedField? FindSubject(List<Line> lines, int titleAt, int numberAt)
    {
        int start;
        string? prefix = null;
        double confidence;
        if (titleAt >= 0)
        {
            start = titleAt + 1;
            while (start < lines.Count && IsHeaderNoise(lines[start].Folded))
            {
                start++;
            }

            confidence = 0.85;
        }
        else
        {
            start = -1;
            for (var i = Math.Max(0, numberAt); i < Math.Min(lines.Count, 40); i++)
            {
                var match = Subject.Match(lines[i].Folded);
                if (match.Success)
                {
                    start = i;
                    prefix = "V/v";
                    break;
                }
            }

            confidence = 0.85;
            if (start < 0)
            {
                return null;
            }
        }

        var parts = new List<string>();
        var sources = new List<string>();
        for (var i = start; i < lines.Count && parts.Count < 4; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (prefix is not null && i == start)
            {
                var match = Subject.Match(line.Folded);
                text = text[match.Length..];
            }
            else if (EndsSubject(line, parts.Count == 0))
            {
                break;
            }

            // The right column merged on the same line (the place and date beside "V/v …"): keep the left part only.
            var cut = CutRightColumn(line, text);
            if (cut.Length == 0)
            {
                break;
            }

            parts.Add(cut);
            sources.Add(line.Text);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var subject = Regex.Replace(string.Join(' ', parts), @"\s+", " ").Trim(' ', '.', ';', ',', ':', '-', '_');
        if (prefix is not null)
        {
            subject = $"{prefix} {subject}";
        }

        return subject.Length < 6 ? null : new ProposedField(subject, confidence - (parts.Count > 3 ? 0.15 : 0), string.Join(" / ", sources));
    }

    private static string CutRightColumn(Line line, string text)
    {
        var offset = line.Text.Length - text.Length;
        var folded = line.Folded[offset..];
        var cut = folded.Length;
        foreach (var regex in new[] { DateWords, Motto })
        {
            var match = regex.Match(folded);
            if (match.Success && match.Index < cut)
            {
                cut = match.Index;
                if (regex == DateWords)
                {
                    var comma = folded.LastIndexOf(',', Math.Max(0, match.Index - 1));
                    if (comma >= 0 && match.Index - comma < 4)
                    {
                        cut = PlaceStart(folded, comma);
                    }
                }
            }
        }

        return text[..cut].Trim();
    }

    private static (ProposedField? Position, ProposedField? Name) FindSigner(List<Line> lines)
    {
        // From the end: the last position line written in capitals, perhaps after "KT." / "TM." / "TL." on its line or the line before.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var folded = lines[i].Folded;
            foreach (var (position, display) in Positions)
            {
                var at = FindWord(folded, position);
                if (at < 0)
                {
                    continue;
                }

                var rest = folded[(at + position.Length)..].Trim();
                var before = folded[..at].TrimEnd();
                var authority = Authorities.Any(a => before.EndsWith(a + ".", StringComparison.Ordinal) || before.EndsWith(a, StringComparison.Ordinal) && before.Length == a.Length);
                var original = lines[i].Text.Substring(at, position.Length);
                if (!IsUpperCase(original) || rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6)
                {
                    continue;
                }

                if (authority)
                {
                    // "KT. GIÁM ĐỐC" names the authority: the signer's own position is on the next line.
                    var next = i + 1 < lines.Count ? PositionIn(lines[i + 1]) : null;
                    if (next is { } own)
                    {
                        return (new ProposedField(own, 0.9, $"{lines[i].Text} / {lines[i + 1].Text}"), FindName(lines, i + 2));
                    }

                    continue;
                }

                var previousAuthority = i > 0 && Authorities.Any(a => Regex.IsMatch(lines[i - 1].Folded, $@"(^|\s){a}\s*\.\s*[a-z]"));
                return (new ProposedField(display, previousAuthority ? 0.9 : 0.8, lines[i].Text), FindName(lines, i + 1));
            }
        }

        return (null, null);
    }

    private static string? PositionIn(Line line)
    {
        foreach (var (position, display) in Positions)
        {
            var at = FindWord(line.Folded, position);
            if (at >= 0 && IsUpperCase(line.Text.Substring(at, position.Length)))
            {
                return display;
            }
        }

        return null;
    }

    private static int FindWord(string folded, string phrase)
    {
        var at = folded.IndexOf(phrase, StringComparison.Ordinal);
        while (at >= 0)
        {
            var startOk = at == 0 || !char.IsLetter(folded[at - 1]);
            var end = at + phrase.Length;
            var endOk = end == folded.Length || !char.IsLetter(folded[end]);
            if (startOk && endOk)
            {
                return at;
            }

            at = folded.IndexOf(phrase, at + 1, StringComparison.Ordinal);
        }

        return -1;
    }

    private static readonly Regex NameWords = new(@"(?<name>(?:\p{Lu}[\p{Ll}]*\s+){1,4}\p{Lu}[\p{Ll}]*)\s*$", Options);

    private static ProposedField? FindName(List<Line> lines, int from)
    {
        for (var i = from; i < Math.Min(lines.Count, from + 10); i++)
        {
            // OCR sprinkles quotes and dots on a signature line ("Hoàng 'Thị Lan").
            var text = Regex.Replace(Regex.Replace(lines[i].Text, @"['`‘’""]", ""), @"\s+", " ").Trim(' ', '.', ',', ';');
            if (text.Length == 0 || text.StartsWith('(') || IsUpperCase(text) && PositionIn(lines[i]) is not null)
            {
                continue;
            }

            var match = NameWords.Match(text);
            if (match.Success && match.Groups["name"].Value.Split(' ').Length >= 2 && !IsUpperCase(match.Groups["name"].Value)
                && match.Groups["name"].Value.Split(' ').All(w => LegacyVietnamese.IsVietnameseSyllable(w)))
            {
                var name = match.Groups["name"].Value.Trim();
                return new ProposedField(name, match.Index == 0 ? 0.85 : 0.75, lines[i].Text);
            }

            if (IsUpperCase(text) && text.Split(' ').Length is >= 2 and <= 5 && text.Split(' ').All(w => LegacyVietnamese.IsVietnameseSyllable(w)))
            {
                // A name printed in capitals: given in title case.
                var name = string.Join(' ', text.ToLower(VietnameseText.Culture).Split(' ').Select(w => char.ToUpper(w[0], VietnameseText.Culture) + w[1..]));
                return new ProposedField(name, 0.7, lines[i].Text);
            }
        }

        return null;
    }

    private static ProposedField? FindUrgency(List<Line> lines, int titleAt)
    {
        var end = titleAt >= 0 ? titleAt + 1 : Math.Min(lines.Count, 30);
        for (var i = 0; i < end; i++)
        {
            var folded = lines[i].Folded;
            foreach (var (phrase, urgency) in new[] { ("thuong khan", Urgency.VeryUrgent), ("hoa toc", Urgency.Flash), ("khan", Urgency.Urgent) })
            {
                var at = FindWord(folded, phrase);
                if (at < 0 || !IsUpperCase(lines[i].Text.Substring(at, phrase.Length)))
                {
                    continue;
                }

                var after = folded[(at + phrase.Length)..].TrimStart();
                if (urgency == Urgency.Urgent && (after.StartsWith("truong", StringComparison.Ordinal) || after.StartsWith("cap", StringComparison.Ordinal)))
                {
                    continue;
                }

                return new ProposedField(UrgencyNames.Code(urgency), 0.9, lines[i].Text);
            }
        }

        return null;
    }
}
