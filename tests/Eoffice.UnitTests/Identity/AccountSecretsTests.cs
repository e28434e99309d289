using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;

namespace Eoffice.UnitTests.Identity;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void A_password_with_every_kind_of_character_and_eight_of_them_is_accepted() =>
        Assert.Empty(PasswordPolicy.Check("Abcdef1!"));

    [Theory]
    [InlineData("Abcde1!", "Mật khẩu phải có ít nhất 8 ký tự.")]
    [InlineData("abcdefg1!", "Mật khẩu phải có chữ in hoa.")]
    [InlineData("ABCDEFG1!", "Mật khẩu phải có chữ thường.")]
    [InlineData("Abcdefgh!", "Mật khẩu phải có chữ số.")]
    [InlineData("Abcdefgh1", "Mật khẩu phải có ký tự đặc biệt (ví dụ @, #, !).")]
    public void Each_broken_rule_is_named_in_vietnamese(string password, string message) =>
        Assert.Equal([message], PasswordPolicy.Check(password));

    [Fact]
    public void An_empty_password_breaks_every_rule() =>
        Assert.Equal(5, PasswordPolicy.Check(null).Count);

    [Fact]
    public void Vietnamese_letters_count_as_upper_and_lower_case() =>
        Assert.Empty(PasswordPolicy.Check("Đường@2026"));

    [Fact]
    public void Temporary_passwords_always_satisfy_the_policy()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Empty(PasswordPolicy.Check(PasswordPolicy.GenerateTemporary()));
        }
    }
}

public sealed class AccessTokenFormatTests
{
    [Fact]
    public void A_token_is_eot_and_32_random_bytes_in_base64url()
    {
        var token = AccessTokenFormat.Generate();

        Assert.StartsWith("eot_", token);
        Assert.Equal(47, token.Length);
        Assert.True(AccessTokenFormat.LooksLikeToken(token));
        Assert.All(token[4..], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.NotEqual(token, AccessTokenFormat.Generate());
    }

    [Fact]
    public void Only_a_sha256_hex_and_a_short_prefix_are_kept()
    {
        var token = AccessTokenFormat.Generate();

        var hash = AccessTokenFormat.Hash(token);

        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, AccessTokenFormat.Hash(token));
        Assert.Equal(token[..12], AccessTokenFormat.PrefixOf(token));
    }

    [Theory]
    [InlineData("eot_short")]
    [InlineData("abc_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("")]
    public void Other_strings_are_not_taken_for_tokens(string value) =>
        Assert.False(AccessTokenFormat.LooksLikeToken(value));
}

public sealed class RecoveryCodeTests
{
    [Fact]
    public void Codes_are_two_groups_of_five_without_look_alikes()
    {
        var code = TwoFactorCodes.NewRecoveryCode();

        Assert.Matches("^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$", code);
    }

    [Fact]
    public void The_hash_ignores_case_and_separators()
    {
        Assert.Equal(TwoFactorCodes.HashRecoveryCode("ABCDE-FGHJK"), TwoFactorCodes.HashRecoveryCode("abcde fghjk"));
        Assert.NotEqual(TwoFactorCodes.HashRecoveryCode("ABCDE-FGHJK"), TwoFactorCodes.HashRecoveryCode("ABCDE-FGHJL"));
    }
}

public sealed class AccountRequirementsTests
{
    private static readonly Eoffice.Web.Modules.Identity.IdentityOptions Options = new();
    private static readonly DateTime Now = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_administrator_password_older_than_two_months_must_be_changed_and_a_specialist_one_need_not()
    {
        var admin = new User("quantri2", "Quản trị", Now.AddDays(-100));
        admin.GrantRole("administrator");
        admin.SetPasswordHash("x", Now.AddDays(-61));
        var specialist = new User("nvan", "Nguyễn Văn An", Now.AddDays(-100));
        specialist.SetPasswordHash("x", Now.AddDays(-61));

        Assert.True(AccountRequirements.MustChangePassword(admin, Now, Options));
        Assert.False(AccountRequirements.MustChangePassword(specialist, Now, Options));
    }

    [Fact]
    public void Demo_accounts_skip_the_first_change_and_the_administrator_two_factor_requirement()
    {
        var demo = new User("quantri", "Quản trị", Now) { IsDemo = true };
        demo.GrantRole("administrator");
        demo.SetPasswordHash("x", Now, mustChange: true);
        var real = new User("qtri", "Quản trị", Now);
        real.GrantRole("administrator");

        Assert.False(AccountRequirements.MustChangePassword(demo, Now, Options));
        Assert.False(AccountRequirements.MustEnrolTwoFactor(demo));
        Assert.True(AccountRequirements.MustEnrolTwoFactor(real));
    }
}
