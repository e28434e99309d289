using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>How a second factor was proven.</summary>
public enum SecondFactor
{
    None = 0,
    Authenticator = 1,
    RecoveryCode = 2,
}

/// <summary>
/// Everything secret about two-factor sign-in: the TOTP secret (kept protected with the data-protection key ring,
/// purpose "Eoffice.Identity.Totp"), the one-time recovery codes (kept as SHA-256 hashes), the short-lived token that
/// carries a half-finished sign-in from the password step to the code step, and the token that carries a new secret
/// from the QR code to its confirmation. Nothing here is stored in clear or in the browser unprotected.
/// </summary>
public sealed class TwoFactorCodes(EofficeDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "eOffice";

    /// <summary>How long the code step of a sign-in may wait after the password step.</summary>
    public static readonly TimeSpan PendingSignInLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long a QR code shown for enrolment stays valid.</summary>
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);

    private const string RecoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private IDataProtector SecretProtector => protection.CreateProtector("Eoffice.Identity.Totp");

    private IDataProtector PendingProtector => protection.CreateProtector("Eoffice.Identity.Totp.PendingSignIn");

    private IDataProtector EnrolmentProtector => protection.CreateProtector("Eoffice.Identity.Totp.Enrolment");

    /// <summary>A new random 160-bit secret (the RFC 4226 recommended length), base32.</summary>
    public static string NewSecret() => Base32.Encode(RandomNumberGenerator.GetBytes(20));

    public string ProtectSecret(string base32Secret) => SecretProtector.Protect(base32Secret);

    /// <summary>
    /// Checks <paramref name="code"/> — six digits from the authenticator app, or an unused recovery code — for
    /// <paramref name="user"/>, and marks it used. The caller saves.
    /// </summary>
    public async Task<SecondFactor> VerifyAsync(User user, string? code, CancellationToken cancellationToken)
    {
        if (!user.TwoFactorEnabled || user.TwoFactorSecret is null || string.IsNullOrWhiteSpace(code))
        {
            return SecondFactor.None;
        }

        if (Totp.Normalize(code) is not null)
        {
            var secret = Base32.Decode(SecretProtector.Unprotect(user.TwoFactorSecret));
            if (Totp.Verify(secret, code, time.GetUtcNow(), user.TwoFactorLastStep) is { } step)
            {
                user.RecordTwoFactorStep(step);
                return SecondFactor.Authenticator;
            }

            return SecondFactor.None;
        }

        var hash = HashRecoveryCode(code);
        var recovery = await db.Set<RecoveryCode>()
            .FirstOrDefaultAsync(r => r.UserId == user.Id && r.CodeHash == hash && r.UsedAt == null, cancellationToken);
        if (recovery is null)
        {
            return SecondFactor.None;
        }

        recovery.Use(time.GetUtcNow().UtcDateTime);
        return SecondFactor.RecoveryCode;
    }

    /// <summary>Replaces the person's recovery codes with <see cref="RecoveryCodeCount"/> new ones, returned in clear once.</summary>
    public async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(Guid userId, CancellationToken cancellationToken)
    {
        await RemoveRecoveryCodesAsync(userId, cancellationToken);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        foreach (var code in codes)
        {
            db.Add(new RecoveryCode(userId, HashRecoveryCode(code)));
        }

        return codes;
    }

    public async Task RemoveRecoveryCodesAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RemoveRange(await db.Set<RecoveryCode>().Where(r => r.UserId == userId).ToListAsync(cancellationToken));

    public Task<int> UnusedRecoveryCodesAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Set<RecoveryCode>().CountAsync(r => r.UserId == userId && r.UsedAt == null, cancellationToken);

    /// <summary>"ABCDE-FGHJK": 10 characters from an alphabet without look-alikes (about 50 bits).</summary>
    public static string NewRecoveryCode()
    {
        var chars = Enumerable.Range(0, 10).Select(_ => RecoveryAlphabet[RandomNumberGenerator.GetInt32(RecoveryAlphabet.Length)]).ToArray();
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    /// <summary>SHA-256 (hex) of the code in upper case without separators, so "abcde fghjk" matches "ABCDE-FGHJK".</summary>
    public static string HashRecoveryCode(string code)
    {
        var canonical = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The proof that <paramref name="user"/> gave the right password a moment ago; carried to the code step.</summary>
    public string CreatePendingSignIn(User user) =>
        PendingProtector.Protect(string.Join('|', user.Id, user.SecurityStamp, Ticks(time.GetUtcNow().UtcDateTime + PendingSignInLifetime)));

    /// <summary>The account and security stamp of a pending sign-in, or <c>null</c> when the token is forged or expired.</summary>
    public (Guid UserId, string Stamp)? ReadPendingSignIn(string? token)
    {
        var parts = Unprotect(PendingProtector, token);
        return parts is [var id, var stamp, var expires] && Guid.TryParse(id, out var userId) && NotExpired(expires)
            ? (userId, stamp)
            : null;
    }

    /// <summary>A token holding a new secret for <paramref name="userId"/> between showing the QR code and confirming it.</summary>
    public string CreateEnrolment(Guid userId, string base32Secret) =>
        EnrolmentProtector.Protect(string.Join('|', userId, base32Secret, Ticks(time.GetUtcNow().UtcDateTime + EnrolmentLifetime)));

    public string? ReadEnrolment(Guid userId, string? token)
    {
        var parts = Unprotect(EnrolmentProtector, token);
        return parts is [var id, var secret, var expires] && id == userId.ToString() && NotExpired(expires) ? secret : null;
    }

    private static string Ticks(DateTime at) => at.Ticks.ToString(CultureInfo.InvariantCulture);

    private bool NotExpired(string ticks) =>
        long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > time.GetUtcNow().UtcDateTime.Ticks;

    private static string[]? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
