using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Eoffice.Web.Modules.Organization.Contracts;

/// <summary>
/// An agency's electronic identifier (mã định danh điện tử), in either accepted form:
/// <list type="bullet">
/// <item>the legacy QCVN 102:2016 form <c>V1V2V3.Z1Z2.Y1Y2.MX1X2</c> — levels 4, 3, 2 then level 1, 13 characters,
/// e.g. <c>000.00.00.H41</c> (UBND tỉnh Nghệ An); the level-1 letter is A–Y as in the newer form (Z marks other organisations);</item>
/// <item>the QĐ 20/2020/QĐ-TTg form, read left to right from level 1: a letter A–Y and two digits, then further
/// groups of digits separated by dots, at most 35 characters, e.g. <c>H41.26.10</c>; or <c>Z</c>-prefixed codes of
/// other organisations.</item>
/// </list>
/// Only capitals, digits and dots are allowed; lower case and spaces are refused rather than silently fixed.
/// </summary>
public static partial class AgencyCode
{
    public const int MaxLength = 35;

    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Y]\d{2}$")]
    private static partial Regex LegacyPattern();

    [GeneratedRegex(@"^[A-Y]\d{2}(\.\d{1,3})*$")]
    private static partial Regex Qd20Pattern();

    [GeneratedRegex(@"^Z[0-9A-Z]{2}(\.?[0-9A-Z]{1,32})?$")]
    private static partial Regex OtherOrganisationPattern();

    /// <summary>Checks <paramref name="code"/>; on failure <paramref name="error"/> says why, in Vietnamese.</summary>
    public static bool IsValid(string? code, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            error = "Vui lòng nhập mã định danh điện tử của cơ quan.";
            return false;
        }

        if (code.Length > MaxLength)
        {
            error = $"Mã định danh dài tối đa {MaxLength} ký tự.";
            return false;
        }

        if (code.Any(c => c is not ('.' or (>= '0' and <= '9') or (>= 'A' and <= 'Z'))))
        {
            error = "Mã định danh chỉ gồm chữ in hoa A–Z, chữ số và dấu chấm, không có khoảng trắng.";
            return false;
        }

        if (LegacyPattern().IsMatch(code) || Qd20Pattern().IsMatch(code) || OtherOrganisationPattern().IsMatch(code))
        {
            error = null;
            return true;
        }

        error = "Mã định danh không đúng cấu trúc: dùng dạng QCVN 102 (ví dụ 000.00.00.H41) hoặc dạng QĐ 20/2020 (ví dụ H41.26.10).";
        return false;
    }

    /// <summary>Whether the code is in the legacy 13-character QCVN 102 form.</summary>
    public static bool IsLegacyForm(string code) => LegacyPattern().IsMatch(code);
}
