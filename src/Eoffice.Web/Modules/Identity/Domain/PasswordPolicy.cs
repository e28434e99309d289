using System.Security.Cryptography;

namespace Eoffice.Web.Modules.Identity.Domain;

/// <summary>
/// Password rules of QCVN 12:2026/BCA: at least 8 characters mixing upper case, lower case, digits and symbols.
/// Also makes temporary passwords that satisfy the rules, for new accounts and resets.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    /// <summary>The rules <paramref name="password"/> breaks, as Vietnamese messages; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password)
    {
        var problems = new List<string>();
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            problems.Add($"Mật khẩu phải có ít nhất {MinimumLength} ký tự.");
        }

        if (!password.Any(char.IsUpper))
        {
            problems.Add("Mật khẩu phải có chữ in hoa.");
        }

        if (!password.Any(char.IsLower))
        {
            problems.Add("Mật khẩu phải có chữ thường.");
        }

        if (!password.Any(char.IsDigit))
        {
            problems.Add("Mật khẩu phải có chữ số.");
        }

        if (!password.Any(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c)))
        {
            problems.Add("Mật khẩu phải có ký tự đặc biệt (ví dụ @, #, !).");
        }

        return problems;
    }

    /// <summary>A random 12-character password with every required kind of character, easy to read out (no 0/O, 1/l/I).</summary>
    public static string GenerateTemporary()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "@#$%&*!?";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 12)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
