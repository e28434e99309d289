using Eoffice.Web.Modules.Identity.External;

namespace Eoffice.UnitTests.Identity.External;

public sealed class LdapEscapingTests
{
    [Theory]
    [InlineData("nvduc", "nvduc")]
    [InlineData("*", @"\2a")]
    [InlineData("*)(uid=*", @"\2a\29\28uid=\2a")]
    [InlineData(@"a\b", @"a\5cb")]
    [InlineData("a\0b", @"a\00b")]
    [InlineData("nv*)(|(objectClass=*", @"nv\2a\29\28|\28objectClass=\2a")]
    [InlineData("Nguyễn Văn Đức", "Nguyễn Văn Đức")]
    public void Filter_values_have_the_rfc_4515_specials_escaped(string value, string expected) =>
        Assert.Equal(expected, LdapEscaping.EscapeFilterValue(value));

    [Theory]
    [InlineData("nvduc", "nvduc")]
    [InlineData("nvduc,ou=admins", @"nvduc\,ou\=admins")]
    [InlineData("a+b;c<d>e\"f", @"a\+b\;c\<d\>e\""f")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("#hash", @"\#hash")]
    [InlineData("mid#hash", "mid#hash")]
    [InlineData(" padded ", @"\ padded\ ")]
    [InlineData("in side", "in side")]
    [InlineData("a\0b", @"a\00b")]
    [InlineData("Trần Thị Bình", "Trần Thị Bình")]
    public void Dn_values_have_the_rfc_4514_specials_escaped(string value, string expected) =>
        Assert.Equal(expected, LdapEscaping.EscapeDnValue(value));

    [Fact]
    public void A_template_receives_the_escaped_value_at_every_placeholder() =>
        Assert.Equal(@"(|(uid=\2a)(mail=\2a))", LdapEscaping.Fill("(|(uid={0})(mail={0}))", LdapEscaping.EscapeFilterValue("*")));
}
