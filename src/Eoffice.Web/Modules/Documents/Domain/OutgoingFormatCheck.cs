using System.Globalization;
using System.Text.RegularExpressions;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>One failed format check: the JSON path of the outgoing request's field it concerns and what to correct, in Vietnamese.</summary>
public sealed record FormatProblem(string Field, string Message);

/// <summary>Where the signer stands towards the head of the issuing body, as the organisation says; the authority prefix must agree with it.</summary>
public enum SignerStanding
{
    /// <summary>Người đứng đầu: signs in their own right (or TM. for a collective body).</summary>
    Head = 0,

    /// <summary>Cấp phó của người đứng đầu: signs KT. for the head.</summary>
    Deputy = 1,

    /// <summary>Người được giao quyền người đứng đầu: signs Q.</summary>
    ActingHead = 2,

    /// <summary>Anyone else (chief of office, a unit head): signs TL. or TUQ. when the head has assigned it in writing.</summary>
    Other = 3,
}

/// <summary>
/// What the clerk's format check reads: the document as it will be printed, and the facts about its signer that the
/// organisation holds (resolved by the caller; this check touches no database and no clock).
/// </summary>
public sealed record FormatCheckInput
{
    /// <summary>The document type's code (<see cref="DocumentTypes"/>).</summary>
    public required string TypeCode { get; init; }

    /// <summary>The notation as it will be printed, <c>QĐ-SGTVT</c>.</summary>
    public required string? CodeNotation { get; init; }

    /// <summary>The issuing agency's (or advisory body's) abbreviation from the organisation.</summary>
    public required string? AgencyAbbreviation { get; init; }

    /// <summary>The drafting unit's code: the second group of a công văn's notation and the unit in "Lưu: VT, …".</summary>
    public string? DraftingUnitCode { get; init; }

    /// <summary>The number to be given, when known; <c>null</c> checks the number line's form only (or the blank line before numbering).</summary>
    public int? Number { get; init; }

    /// <summary>
    /// The number line as printed, <c>Số: 05/QĐ-SGTVT</c> (<see cref="OfficialDateLine.NumberLine"/>). Its notation is compared
    /// with <see cref="CodeNotation"/>, whose own mistakes are reported once, on the notation.
    /// </summary>
    public required string? NumberLine { get; init; }

    /// <summary>The place name of the date line (địa danh), <c>Ninh Bình</c>.</summary>
    public required string Place { get; init; }

    /// <summary>The document's date, which the date line must show.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The date line as printed, <c>Ninh Bình, ngày 05 tháng 02 năm 2026</c> (<see cref="OfficialDateLine.Of"/>).</summary>
    public required string? DateLine { get; init; }

    public required SigningAuthority SigningAuthority { get; init; }

    /// <summary>The signer's position as printed under the authority line, <c>Phó Giám đốc</c>.</summary>
    public required string? SignerPosition { get; init; }

    public required SignerStanding SignerStanding { get; init; }

    /// <summary>The document is issued in the name of a collective body (Ủy ban nhân dân, a council): TM.</summary>
    public bool IssuerIsCollective { get; init; }

    /// <summary>The head has assigned the signer, in writing, to sign by order (TL.) or by authorisation (TUQ.).</summary>
    public bool HasSigningAuthorisation { get; init; }

    /// <summary>First day of a TUQ. authorisation; <c>null</c> when it runs from its signature.</summary>
    public DateOnly? AuthorisationFrom { get; init; }

    /// <summary>Last day of a TUQ. authorisation (Decree 30 Art. 13.3: it is limited in time).</summary>
    public DateOnly? AuthorisationUntil { get; init; }

    /// <summary>The day the signer signs; <c>null</c> is the document's <see cref="Date"/>.</summary>
    public DateOnly? SigningDate { get; init; }

    /// <summary>The "Nơi nhận" lines as printed, <c>- Như trên;</c> … <c>- Lưu: VT, KHTC.</c></summary>
    public required IReadOnlyList<string> RecipientLines { get; init; }

    /// <summary>The document goes to specific addressees (agencies, units, people), so a công văn names them under "Kính gửi".</summary>
    public bool HasAddressees { get; init; }

    /// <summary>The "Kính gửi" lines as printed.</summary>
    public IReadOnlyList<string> AddresseeLines { get; init; } = [];

    /// <summary>The subject (trích yếu) as entered; the công văn layout adds "V/v" itself.</summary>
    public required string? Subject { get; init; }
}

/// <summary>
/// Kiểm tra thể thức: the clerk's format checks before an outgoing document is numbered (Decree 30/2020 Art. 15 and
/// Phụ lục I Phần I.II): the notation for the type, agency and drafting unit; "Số:" with a leading zero below 10 and no
/// spaces around <c>/</c> and <c>-</c>; the date line with its leading zeros (days below 10, months 1 and 2); the authority
/// prefix agreeing with who signs; "Nơi nhận" ending with "Lưu: VT, …"; a công văn's "Kính gửi" and subject. Each problem
/// names its field and says what is wrong and what is expected; an empty list means the format is right.
/// </summary>
public static partial class OutgoingFormatCheck
{
    /// <summary>The JSON paths of the outgoing request the problems are reported on.</summary>
    public static class Fields
    {
        public const string TypeCode = "typeCode";
        public const string CodeNotation = "codeNotation";
        public const string NumberLine = "numberLine";
        public const string DateLine = "dateLine";
        public const string SigningAuthority = "signingAuthority";
        public const string SignerPosition = "signerPosition";
        public const string RecipientLines = "recipientLines";
        public const string AddresseeLines = "addresseeLines";
        public const string Subject = "subject";
    }

    public static IReadOnlyList<FormatProblem> Check(FormatCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FormatProblem>();
        var type = DocumentTypes.Find(input.TypeCode);
        if (type is null)
        {
            problems.Add(new FormatProblem(Fields.TypeCode, $"Loại văn bản \"{input.TypeCode}\" không có trong danh mục Phụ lục III Nghị định 30/2020/NĐ-CP."));
        }
        else if (DocumentNotation.Code(input.AgencyAbbreviation) is null)
        {
            problems.Add(new FormatProblem(Fields.CodeNotation,
                "Cơ quan ban hành chưa có chữ viết tắt tên cơ quan nên chưa kiểm tra được ký hiệu; quản trị hệ thống cần khai báo chữ viết tắt."));
        }
        else
        {
            problems.AddRange(DocumentNotation.Check(input.CodeNotation, type, input.AgencyAbbreviation!, input.DraftingUnitCode));
        }

        problems.AddRange(CheckNumberLine(input));
        problems.AddRange(CheckDateLine(input));
        problems.AddRange(CheckAuthority(input));
        problems.AddRange(CheckRecipients(input));
        if (type?.Code == DocumentTypes.OfficialLetterCode && input.HasAddressees && !input.AddresseeLines.Any(l => !string.IsNullOrWhiteSpace(l)))
        {
            problems.Add(new FormatProblem(Fields.AddresseeLines,
                "Công văn gửi đến cơ quan, đơn vị hoặc cá nhân cụ thể phải có phần \"Kính gửi:\" ghi tên từng nơi nhận."));
        }

        problems.AddRange(CheckSubject(input.Subject, type));
        return problems;
    }

    private static IEnumerable<FormatProblem> CheckNumberLine(FormatCheckInput input)
    {
        var notation = VietnameseText.Normalize(input.CodeNotation?.Trim() ?? "");
        if (string.IsNullOrWhiteSpace(input.NumberLine))
        {
            yield return new FormatProblem(Fields.NumberLine, $"Chưa có dòng số, ký hiệu: phải là \"{OfficialDateLine.NumberLine(input.Number, notation)}\".");
            yield break;
        }

        var actual = VietnameseText.Normalize(input.NumberLine);
        if (input.Number is null && actual == OfficialDateLine.NumberLine(null, notation))
        {
            yield break; // the blank line, before the number is given
        }

        var match = NumberLinePattern().Match(actual);
        int? written = match.Success && int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var expected = Expected(input.Number ?? written ?? 5);
        if (actual == expected)
        {
            yield break;
        }

        var reasons = new List<string>();
        if (!actual.StartsWith("Số:", StringComparison.Ordinal))
        {
            reasons.Add("Dòng bắt đầu bằng chữ \"Số\" rồi dấu hai chấm \"Số:\".");
        }
        else if (match.Success)
        {
            var number = match.Groups["number"].Value;
            if (match.Groups["afterColon"].Value != " ")
            {
                reasons.Add("Sau \"Số:\" có đúng một dấu cách.");
            }

            if (input.Number is { } given && written != given)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Số của văn bản là {OfficialDateLine.NumberText(given)}, không phải \"{number}\"."));
            }
            else if (written is { } w && number != OfficialDateLine.NumberText(w))
            {
                reasons.Add(w < 10
                    ? $"Số nhỏ hơn 10 phải có số 0 phía trước: \"{OfficialDateLine.NumberText(w)}\", không phải \"{number}\"."
                    : $"Chỉ số nhỏ hơn 10 mới có số 0 phía trước: \"{OfficialDateLine.NumberText(w)}\", không phải \"{number}\".");
            }
            else if (written is null)
            {
                reasons.Add("Số văn bản ghi bằng chữ số Ả Rập.");
            }

            if (match.Groups["beforeSlash"].Value.Length > 0 || match.Groups["afterSlash"].Value.Length > 0)
            {
                reasons.Add("Không có dấu cách trước và sau dấu \"/\".");
            }

            var printed = match.Groups["notation"].Value;
            if (SpaceAroundDash().IsMatch(printed))
            {
                reasons.Add("Không có dấu cách trước và sau dấu \"-\".");
            }

            if (!string.Equals(printed.Replace(" ", "", StringComparison.Ordinal), notation.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal))
            {
                reasons.Add($"Ký hiệu trên dòng số phải trùng ký hiệu của văn bản \"{notation}\".");
            }
        }

        yield return new FormatProblem(Fields.NumberLine, Sentence($"Dòng số \"{input.NumberLine}\" chưa đúng: phải là \"{expected}\".", reasons));

        string Expected(int number) => OfficialDateLine.NumberLine(number, notation);
    }

    private static IEnumerable<FormatProblem> CheckDateLine(FormatCheckInput input)
    {
        var place = VietnameseText.Normalize(input.Place.Trim());
        var expected = OfficialDateLine.Of(place, input.Date, input.Date.Year);
        if (string.IsNullOrWhiteSpace(input.DateLine))
        {
            yield return new FormatProblem(Fields.DateLine, $"Chưa có địa danh và thời gian ban hành: phải là \"{expected}\".");
            yield break;
        }

        var actual = VietnameseText.Normalize(input.DateLine);
        if (actual == expected)
        {
            yield break;
        }

        var reasons = new List<string>();
        var match = DateLinePattern().Match(actual);
        if (match.Success)
        {
            var writtenPlace = match.Groups["place"].Value.Trim();
            if (writtenPlace != place)
            {
                reasons.Add(writtenPlace.Length == 0 ? $"Thiếu địa danh \"{place}\"." : $"Địa danh là \"{place}\", không phải \"{writtenPlace}\".");
            }

            var day = match.Groups["day"].Value;
            var month = match.Groups["month"].Value;
            var sameDate = int.Parse(day, CultureInfo.InvariantCulture) == input.Date.Day
                && int.Parse(month, CultureInfo.InvariantCulture) == input.Date.Month
                && int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) == input.Date.Year;
            if (!sameDate)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Ngày ban hành của văn bản là {input.Date:dd/MM/yyyy}."));
            }
            else
            {
                var dayText = input.Date.Day.ToString("00", CultureInfo.InvariantCulture);
                if (day != dayText)
                {
                    reasons.Add(input.Date.Day < 10
                        ? $"Ngày nhỏ hơn 10 phải có số 0 phía trước: \"ngày {dayText}\", không phải \"ngày {day}\"."
                        : $"Ngày từ 10 trở đi không có số 0 phía trước: \"ngày {dayText}\", không phải \"ngày {day}\".");
                }

                var monthText = OfficialDateLine.MonthText(input.Date.Month);
                if (month != monthText)
                {
                    reasons.Add(input.Date.Month < 3
                        ? $"Tháng 1 và tháng 2 phải có số 0 phía trước: \"tháng {monthText}\", không phải \"tháng {month}\"."
                        : $"Từ tháng 3 đến tháng 12 không có số 0 phía trước: \"tháng {monthText}\", không phải \"tháng {month}\".");
                }
            }
        }

        yield return new FormatProblem(Fields.DateLine, Sentence($"Địa danh và thời gian \"{input.DateLine}\" chưa đúng: phải là \"{expected}\".", reasons));
    }

    private static IEnumerable<FormatProblem> CheckAuthority(FormatCheckInput input)
    {
        var position = VietnameseText.Normalize(input.SignerPosition?.Trim() ?? "");
        if (position.Length == 0)
        {
            yield return new FormatProblem(Fields.SignerPosition, "Chưa có chức vụ của người ký.");
        }
        else if (SigningAuthorities.All.Select(SigningAuthorities.Prefix).FirstOrDefault(p => p.Length > 0 && position.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } typed)
        {
            yield return new FormatProblem(Fields.SignerPosition,
                $"Chức vụ \"{position}\" không ghi \"{typed}\": chọn quyền hạn ký ở mục riêng, mẫu trình bày tự ghi tiền tố.");
        }

        var signer = position.Length == 0 ? "người ký" : $"người ký ({position})";
        var message = Authority(input, signer);
        if (message is not null)
        {
            yield return new FormatProblem(Fields.SigningAuthority, message);
        }
    }

    private static string? Authority(FormatCheckInput input, string signer)
    {
        var prefix = SigningAuthorities.Prefix(input.SigningAuthority);
        var asWritten = input.SigningAuthority == SigningAuthority.None ? "Ký trực tiếp (không có tiền tố)" : $"Quyền hạn ký \"{prefix}\"";
        var suggestion = input.SignerStanding switch
        {
            SignerStanding.Head when input.IssuerIsCollective =>
                $"người đứng đầu ký văn bản ban hành nhân danh tập thể ghi \"TM.\" trước tên tập thể",
            SignerStanding.Head => "người đứng đầu ký trực tiếp, không có tiền tố",
            SignerStanding.Deputy => "cấp phó ký thay người đứng đầu ghi \"KT.\" trước chức vụ của người đứng đầu",
            SignerStanding.ActingHead => "người được giao quyền người đứng đầu ghi \"Q.\" trước chức vụ của người đứng đầu",
            _ => "người khác ký thì ghi \"TL.\" (thừa lệnh) hoặc \"TUQ.\" (thừa ủy quyền) khi người đứng đầu đã giao bằng văn bản",
        };
        var wrong = $"{asWritten} chưa đúng với {signer}: {suggestion}.";

        switch (input.SigningAuthority)
        {
            case SigningAuthority.None:
                return input.SignerStanding == SignerStanding.Head && !input.IssuerIsCollective ? null : wrong;
            case SigningAuthority.OnBehalfOf:
                if (!input.IssuerIsCollective)
                {
                    return $"Quyền hạn ký \"TM.\" chỉ dùng khi ký thay mặt một tập thể (Ủy ban nhân dân, hội đồng); văn bản này không ban hành nhân danh tập thể.";
                }

                return input.SignerStanding == SignerStanding.Head ? null
                    : $"{wrong} Mẫu trình bày ghi \"TM.\" tập thể ở dòng trên.";
            case SigningAuthority.Acting:
                return input.SignerStanding == SignerStanding.ActingHead ? null : wrong;
            case SigningAuthority.ForHead:
                return input.SignerStanding == SignerStanding.Deputy ? null
                    : $"{wrong} \"KT.\" chỉ dùng khi cấp phó ký thay người đứng đầu.";
            case SigningAuthority.ByOrder or SigningAuthority.ByAuthorisation:
                if (input.SignerStanding != SignerStanding.Other)
                {
                    return wrong;
                }

                var noun = input.SigningAuthority == SigningAuthority.ByOrder ? "thừa lệnh" : "thừa ủy quyền";
                if (!input.HasSigningAuthorisation)
                {
                    return $"Quyền hạn ký \"{prefix}\" ({noun}) cần văn bản của người đứng đầu giao cho {signer} ký {noun}; chưa có văn bản giao quyền này.";
                }

                return input.SigningAuthority == SigningAuthority.ByAuthorisation ? AuthorisationInForce(input, signer) : null;
            default:
                return $"Quyền hạn ký \"{input.SigningAuthority}\" không có trong Nghị định 30/2020/NĐ-CP.";
        }
    }

    private static string? AuthorisationInForce(FormatCheckInput input, string signer)
    {
        var signed = input.SigningDate ?? input.Date;
        if (input.AuthorisationUntil is not { } until)
        {
            return $"Văn bản ủy quyền cho {signer} ký \"TUQ.\" phải có thời hạn (Nghị định 30/2020/NĐ-CP Điều 13); văn bản ủy quyền này chưa ghi thời hạn.";
        }

        if (signed > until)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Văn bản ủy quyền cho {signer} ký \"TUQ.\" đã hết hạn ngày {until:dd/MM/yyyy}, trước ngày ký {signed:dd/MM/yyyy}.");
        }

        return input.AuthorisationFrom is { } from && signed < from
            ? string.Create(CultureInfo.InvariantCulture,
                $"Văn bản ủy quyền cho {signer} ký \"TUQ.\" có hiệu lực từ ngày {from:dd/MM/yyyy}, sau ngày ký {signed:dd/MM/yyyy}.")
            : null;
    }

    private static IEnumerable<FormatProblem> CheckRecipients(FormatCheckInput input)
    {
        var unit = DocumentNotation.Code(input.DraftingUnitCode);
        var expected = unit is null ? "Lưu: VT." : $"Lưu: VT, {unit}.";
        var lines = input.RecipientLines
            .Select(l => VietnameseText.Normalize(l.Trim().TrimStart('-', '\u2013', '\u2022', '+', ' ').Trim()))
            .Where(l => l.Length > 0 && !l.StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (lines.Count == 0)
        {
            yield return new FormatProblem(Fields.RecipientLines, $"Chưa có nơi nhận: ghi các nơi nhận, dòng cuối là \"{expected}\".");
            yield break;
        }

        var last = lines[^1];
        if (!IsFilingLine(last))
        {
            yield return new FormatProblem(Fields.RecipientLines, lines.Any(IsFilingLine)
                ? $"Dòng \"{lines.First(IsFilingLine)}\" phải là dòng cuối của nơi nhận."
                : $"Nơi nhận phải kết thúc bằng dòng \"{expected}\" (lưu tại văn thư và đơn vị soạn thảo; có thể ghi số bản lưu, ví dụ \"Lưu: VT, {unit ?? "VP"} (02).\").");
            yield break;
        }

        var match = FilingLinePattern().Match(last);
        var reasons = new List<string>();
        if (!match.Success)
        {
            if (!last.StartsWith("Lưu: VT", StringComparison.Ordinal))
            {
                reasons.Add("Sau \"Lưu:\" là \"VT\" (văn thư).");
            }

            if (!last.EndsWith('.'))
            {
                reasons.Add("Dòng kết thúc bằng dấu chấm.");
            }
        }
        else if (unit is not null && match.Groups["unit"].Value != unit)
        {
            reasons.Add(match.Groups["unit"].Success
                ? $"Đơn vị soạn thảo là \"{unit}\", không phải \"{match.Groups["unit"].Value}\"."
                : $"Thiếu viết tắt tên đơn vị soạn thảo \"{unit}\" sau \"VT\".");
        }

        if (!match.Success || reasons.Count > 0)
        {
            yield return new FormatProblem(Fields.RecipientLines, Sentence(
                $"Dòng lưu \"{last}\" chưa đúng: phải là \"{expected}\" (có thể ghi số bản lưu, ví dụ \"Lưu: VT, {unit ?? "VP"} (02).\").", reasons));
        }

        static bool IsFilingLine(string line) => line.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<FormatProblem> CheckSubject(string? subject, DocumentType? type)
    {
        var text = VietnameseText.Normalize(subject?.Trim() ?? "");
        if (text.Length == 0)
        {
            yield return new FormatProblem(Fields.Subject, "Chưa có trích yếu nội dung của văn bản.");
        }
        else if (type?.Code == DocumentTypes.OfficialLetterCode && RegardingPattern().Match(text) is { Success: true } regarding)
        {
            yield return new FormatProblem(Fields.Subject,
                $"Trích yếu của công văn không ghi \"{regarding.Value.Trim()}\": mẫu trình bày tự thêm \"V/v\" trước trích yếu; chỉ ghi \"{text[regarding.Length..]}\".");
        }
    }

    private static string Sentence(string message, List<string> reasons) => reasons.Count == 0 ? message : $"{message} {string.Join(" ", reasons)}";

    [GeneratedRegex(@"^Số:(?<afterColon>\s*)(?<number>[^\s/]*)(?<beforeSlash>\s*)/(?<afterSlash>\s*)(?<notation>.*?)\s*$")]
    private static partial Regex NumberLinePattern();

    [GeneratedRegex(@"\s-|-\s")]
    private static partial Regex SpaceAroundDash();

    [GeneratedRegex(@"^(?<place>[^,]*),\s*ngày\s+(?<day>\d{1,2})\s+tháng\s+(?<month>\d{1,2})\s+năm\s+(?<year>\d{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLinePattern();

    /// <summary>"Lưu: VT." or "Lưu: VT, KHTC." or "Lưu: VT, KHTC (02)." — the last line of Nơi nhận (Phụ lục I Phần I.II.9).</summary>
    [GeneratedRegex(@"^Lưu: VT(?:, (?<unit>[^\s,().]+)(?: \(\d{1,3}\))?)?\.$")]
    private static partial Regex FilingLinePattern();

    /// <summary>A subject that already starts with "V/v" or "Về việc", and the separator after it.</summary>
    [GeneratedRegex(@"^(?:V\s*/\s*V|Về\s+việc)(?:\s*[:.]\s*|\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex RegardingPattern();
}
