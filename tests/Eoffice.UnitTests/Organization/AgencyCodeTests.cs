using Eoffice.Web.Modules.Organization.Contracts;

namespace Eoffice.UnitTests.Organization;

public sealed class AgencyCodeTests
{
    [Theory]
    [InlineData("000.00.00.H41")] // UBND tỉnh Nghệ An, legacy QCVN 102
    [InlineData("000.00.00.G22")] // Văn phòng Chính phủ
    [InlineData("000.00.15.H51")]
    [InlineData("000.20.37.H43")]
    [InlineData("H41")] // QĐ 20/2020: level 1 only
    [InlineData("H41.26.10")]
    [InlineData("G09.1.22.333")]
    [InlineData("Z01.0312345678")] // other organisation with its own scheme code
    public void Both_forms_are_accepted(string code)
    {
        Assert.True(AgencyCode.IsValid(code, out var error), error);
    }

    [Theory]
    [InlineData("000.00.00.h41", "chữ in hoa")]
    [InlineData("000.00.00. H41", "không có khoảng trắng")]
    [InlineData(" 000.00.00.H41", "không có khoảng trắng")]
    [InlineData("000.00.00.H\u00D041", "chữ in hoa")] // U+00D0 (Ð) mistyped for Đ
    [InlineData("000.00.00.H411", "không đúng cấu trúc")] // 14 characters
    [InlineData("000.00.0.H41", "không đúng cấu trúc")]
    [InlineData("000.00.00.Z41", "không đúng cấu trúc")] // level-1 letters run A–Y
    [InlineData("H4.26", "không đúng cấu trúc")]
    [InlineData("1H41", "không đúng cấu trúc")]
    [InlineData("H41..26", "không đúng cấu trúc")]
    [InlineData("", "Vui lòng nhập")]
    public void Malformed_codes_are_refused_with_the_reason(string code, string reason)
    {
        Assert.False(AgencyCode.IsValid(code, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_longer_than_35_characters_are_refused()
    {
        var code = "H41" + string.Concat(Enumerable.Repeat(".123", 9));
        Assert.Equal(39, code.Length);
        Assert.False(AgencyCode.IsValid(code, out var error));
        Assert.Contains("35", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legacy_form_is_recognised()
    {
        Assert.True(AgencyCode.IsLegacyForm("000.00.00.H41"));
        Assert.False(AgencyCode.IsLegacyForm("H41.26.10"));
    }
}
