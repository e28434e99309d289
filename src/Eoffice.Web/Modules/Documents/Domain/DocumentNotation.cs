using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>The parts of a notation read back by <see cref="DocumentNotation.Parse"/>.</summary>
/// <param name="TypeAbbreviation">The type abbreviation when the first group is one of Phụ lục III (kept as written); <c>null</c> for
/// công văn and thư công, whose symbol has none.</param>
/// <param name="AgencyAbbreviation">The issuing agency's (or advisory body's) abbreviation.</param>
/// <param name="UnitCode">The drafting unit's or field's code after the agency's, when there is one.</param>
public sealed record ParsedNotation(string? TypeAbbreviation, string AgencyAbbreviation, string? UnitCode)
{
    /// <summary>The type the abbreviation names; <c>null</c> when the notation carries no type abbreviation.</summary>
    public DocumentType? Type => TypeAbbreviation is null ? null : DocumentTypes.All.FirstOrDefault(t => string.Equals(t.Abbreviation, TypeAbbreviation, StringComparison.Ordinal));
}

/// <summary>
/// Ký hiệu văn bản (Decree 30/2020 Art. 15, Phụ lục I Phần I.II.3): the type's abbreviation then the issuing agency's,
/// <c>QĐ-SGTVT</c>; a công văn (and a thư công) has no type abbreviation: the agency's then the drafting unit's or field's
/// code, <c>SGTVT-VP</c>, or the agency's alone when the unit has no code. An advisory body (Hội đồng, Ban, Tổ) issuing
/// under its own name is simply another agency abbreviation. Type abbreviations keep the case Phụ lục III writes them in
/// (<c>QyĐ</c>, <c>TTr</c>, <c>CTr</c>); agency and unit codes are capitals; <c>Đ</c> is U+0110. The clerk's format
/// check (<see cref="OutgoingFormatCheck"/>) reads a printed notation against the one built here.
/// </summary>
public static class DocumentNotation
{
    private const string TypeRole = "viết tắt tên loại";
    private const string AgencyRole = "viết tắt tên cơ quan";
    private const string UnitRole = "viết tắt tên đơn vị soạn thảo";

    /// <summary>The dash-like characters people type instead of the hyphen-minus between groups.</summary>
    private static readonly char[] Separators = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '_'];

    /// <summary>
    /// The notation the type, the agency and the drafting unit require: <c>QĐ-SGTVT</c>, <c>SGTVT-VP</c>, <c>SGTVT</c>. The
    /// drafting unit's code is used by công văn and thư công only; a typed document's symbol names the agency alone.
    /// </summary>
    public static string For(DocumentType type, string agencyAbbreviation, string? draftingUnitCode) =>
        string.Join('-', Parts(type, agencyAbbreviation, draftingUnitCode).Select(p => p.Text));

    /// <summary>
    /// Reads a notation written the right way (no spaces, groups joined by <c>-</c>) into its parts; <c>null</c> when it is
    /// not one. A first group that is a Phụ lục III abbreviation, in its exact case, is the type's.
    /// </summary>
    public static ParsedNotation? Parse(string? notation)
    {
        if (string.IsNullOrEmpty(notation) || notation.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var groups = VietnameseText.Normalize(notation).Split('-');
        if (groups.Any(g => g.Length == 0) || groups.Length > 3)
        {
            return null;
        }

        var typed = DocumentTypes.All.Any(t => string.Equals(t.Abbreviation, groups[0], StringComparison.Ordinal));
        return (typed, groups.Length) switch
        {
            (true, 1) => null,
            (true, _) => new ParsedNotation(groups[0], groups[1], groups.Length == 3 ? groups[2] : null),
            (false, 3) => null,
            (false, _) => new ParsedNotation(null, groups[0], groups.Length == 2 ? groups[1] : null),
        };
    }

    /// <summary>
    /// The problem with a printed notation, if it is not the one <see cref="For"/> builds: one entry whose message says what
    /// the type requires, then each difference found (a plain D for Đ, the case, spaces, a wrong or missing group),
    /// reported on <paramref name="field"/> (a JSON path).
    /// </summary>
    public static IReadOnlyList<FormatProblem> Check(string? notation, DocumentType type, string agencyAbbreviation, string? draftingUnitCode,
        string field = OutgoingFormatCheck.Fields.CodeNotation)
    {
        var parts = Parts(type, agencyAbbreviation, draftingUnitCode);
        var expected = string.Join('-', parts.Select(p => p.Text));
        var requirement = $"{TypeNoun(type)} phải có ký hiệu \"{expected}\" ({string.Join(" - ", parts.Select(p => p.Role))}).";
        if (string.IsNullOrWhiteSpace(notation))
        {
            return [new FormatProblem(field, $"Chưa có ký hiệu: {requirement}")];
        }

        var actual = VietnameseText.Normalize(notation);
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return [];
        }

        var reasons = Differences(actual, type, parts);
        var message = $"Ký hiệu \"{notation}\" chưa đúng: {requirement}";
        return [new FormatProblem(field, reasons.Count == 0 ? message : $"{message} {string.Join(" ", reasons)}")];
    }

    /// <summary>The type's name as a noun inside a sentence: "quyết định", "công văn".</summary>
    internal static string TypeNoun(DocumentType type) => type.Name.ToLower(VietnameseText.Culture);

    /// <summary>An agency's or unit's code as it is printed: trimmed, composed, in capitals (<c>đ</c> → U+0110).</summary>
    internal static string? Code(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : VietnameseText.Normalize(code.Trim()).ToUpper(VietnameseText.Culture);

    private static List<(string Text, string Role)> Parts(DocumentType type, string agencyAbbreviation, string? draftingUnitCode)
    {
        ArgumentNullException.ThrowIfNull(type);
        var agency = Code(agencyAbbreviation) ?? throw new ArgumentException("The agency has no abbreviation.", nameof(agencyAbbreviation));
        if (type.Abbreviation is { } abbreviation)
        {
            return [(abbreviation, TypeRole), (agency, AgencyRole)];
        }

        return Code(draftingUnitCode) is { } unit ? [(agency, AgencyRole), (unit, UnitRole)] : [(agency, AgencyRole)];
    }

    private static List<string> Differences(string actual, DocumentType type, List<(string Text, string Role)> parts)
    {
        var reasons = new List<string>();
        if (actual.Any(char.IsWhiteSpace))
        {
            reasons.Add("Ký hiệu không có dấu cách.");
        }

        if (actual.Contains('\u00D0', StringComparison.Ordinal))
        {
            reasons.Add("Chữ \"Ð\" đã gõ là ký tự U+00D0, không phải chữ Đ (U+0110) của tiếng Việt.");
        }

        if (actual.Any(c => c != '-' && Separators.Contains(c)))
        {
            reasons.Add("Các nhóm chữ nối với nhau bằng dấu gạch nối \"-\".");
        }

        var compact = new string(actual.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var all = compact.Split(Separators);
        if (all.Any(g => g.Length == 0))
        {
            reasons.Add("Thừa dấu \"-\".");
        }

        var groups = all.Where(g => g.Length > 0).ToList();
        if (groups.Count == parts.Count)
        {
            reasons.AddRange(groups.Zip(parts).Select(pair => GroupDifference(pair.First, pair.Second.Text, pair.Second.Role)).OfType<string>());
        }
        else if (type.Abbreviation is null && groups.Count == parts.Count + 1 && groups.Skip(1).Select(Key).SequenceEqual(parts.Select(p => Key(p.Text))))
        {
            reasons.Add($"{Capitalised(TypeNoun(type))} không có viết tắt tên loại: bỏ \"{groups[0]}\".");
        }
        else
        {
            var missing = parts.Where(p => !groups.Any(g => Key(g) == Key(p.Text))).ToList();
            var extra = groups.Where(g => !parts.Any(p => Key(p.Text) == Key(g))).ToList();
            reasons.AddRange(missing.Select(p => $"Thiếu {p.Role} \"{p.Text}\"."));
            reasons.AddRange(extra.Select(g => $"Thừa \"{g}\"."));
            if (missing.Count == 0 && extra.Count == 0)
            {
                reasons.Add($"Ký hiệu gồm {parts.Count} nhóm chữ theo thứ tự trên.");
            }
        }

        return reasons;
    }

    /// <summary>Why one group differs from the expected one, or <c>null</c> when it does not.</summary>
    private static string? GroupDifference(string actual, string expected, string role)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return null;
        }

        var hints = new List<string>();
        if (Key(actual) == Key(expected) && actual.Length == expected.Length)
        {
            var pairs = actual.Zip(expected).ToList();
            if (pairs.Any(p => p.First is 'D' or 'd' && p.Second is 'Đ' or 'đ'))
            {
                hints.Add("viết chữ \"Đ\", không viết \"D\"");
            }

            if (pairs.Any(p => char.IsLetter(p.First) && char.IsUpper(p.First) != char.IsUpper(p.Second)))
            {
                hints.Add(expected.Any(char.IsLower) ? "giữ đúng chữ hoa, chữ thường như bảng viết tắt" : "viết hoa");
            }
        }

        var hint = hints.Count == 0 ? "" : $" ({string.Join("; ", hints)})";
        return $"{Capitalised(role)} phải là \"{expected}\"{hint}, không phải \"{actual}\".";
    }

    /// <summary>Compares groups regardless of case and of D/Đ/Ð.</summary>
    private static string Key(string group) =>
        new(group.ToUpper(VietnameseText.Culture).Select(c => c is 'Đ' or '\u00D0' ? 'D' : c).ToArray());

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnameseText.Culture) + text[1..];
}
