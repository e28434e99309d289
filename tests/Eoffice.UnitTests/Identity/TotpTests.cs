using System.Security.Cryptography;
using System.Text;
using Eoffice.Web.Modules.Identity.Security;

namespace Eoffice.UnitTests.Identity;

public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encodes_the_rfc_4648_test_vectors_without_padding(string text, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("MZXW6YTBOI======", "foobar")]
    [InlineData("mzxw6ytboi", "foobar")]
    [InlineData("MZXW 6YTB-OI", "foobar")]
    [InlineData("MY======", "f")]
    public void Decodes_padding_lower_case_and_separators_as_people_type_them(string text, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(Base32.Decode(text)));

    [Fact]
    public void A_character_outside_the_alphabet_is_refused() =>
        Assert.Throws<FormatException>(() => Base32.Decode("MZXW1"));

    [Fact]
    public void Round_trips_random_secrets()
    {
        var bytes = RandomNumberGenerator.GetBytes(20);
        Assert.Equal(bytes, Base32.Decode(Base32.Encode(bytes)));
    }
}

public sealed class TotpTests
{
    private static readonly byte[] Sha1Secret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Secret = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Secret = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Computes_the_rfc_6238_appendix_b_test_vectors(long unixTime, string sha1, string sha256, string sha512)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixTime));

        Assert.Equal(sha1, Totp.Compute(Sha1Secret, step, 8));
        Assert.Equal(sha256, Totp.Compute(Sha256Secret, step, 8, HashAlgorithmName.SHA256));
        Assert.Equal(sha512, Totp.Compute(Sha512Secret, step, 8, HashAlgorithmName.SHA512));
    }

    [Fact]
    public void Six_digit_codes_are_the_last_six_digits_of_the_eight_digit_vector() =>
        Assert.Equal("287082", Totp.Compute(Sha1Secret, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_not_two()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.Verify(Sha1Secret, Totp.Compute(Sha1Secret, step - 1), now, null));
        Assert.Equal(step + 1, Totp.Verify(Sha1Secret, Totp.Compute(Sha1Secret, step + 1), now, null));
        Assert.Null(Totp.Verify(Sha1Secret, Totp.Compute(Sha1Secret, step - 2), now, null));
        Assert.Null(Totp.Verify(Sha1Secret, Totp.Compute(Sha1Secret, step + 2), now, null));
    }

    [Fact]
    public void A_code_already_used_cannot_be_replayed_within_its_window()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var code = Totp.Compute(Sha1Secret, Totp.StepAt(now));
        var used = Totp.Verify(Sha1Secret, code, now, null);

        Assert.NotNull(used);
        Assert.Null(Totp.Verify(Sha1Secret, code, now.AddSeconds(10), used));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Malformed_codes_are_refused(string? code) =>
        Assert.Null(Totp.Verify(Sha1Secret, code, DateTimeOffset.UtcNow, null));

    [Fact]
    public void The_enrolment_uri_names_the_issuer_and_account()
    {
        var uri = Totp.EnrolmentUri("eOffice", "nvan", "JBSWY3DPEHPK3PXP");

        Assert.StartsWith("otpauth://totp/eOffice:nvan?secret=JBSWY3DPEHPK3PXP&issuer=eOffice", uri);
    }
}
