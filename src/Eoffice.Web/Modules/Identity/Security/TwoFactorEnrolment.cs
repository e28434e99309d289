using System.Security.Claims;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Turning two-factor sign-in on and off (<c>/bao-mat/xac-thuc-hai-lop</c>, <c>/api/v1/me/two-factor/…</c>). A new
/// secret is shown as a QR code and as text; it is saved only once the person types a code from their app, and then ten
/// recovery codes are shown, once. Administrators cannot turn it off (QCVN 12:2026/BCA requires it for them).
/// </summary>
public sealed class TwoFactorEnrolment(
    EofficeDbContext db,
    TwoFactorCodes codes,
    PasswordCheck passwords,
    Lockout lockout,
    Sessions sessions,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <summary>What to show to enrol: the secret as text, the otpauth URI, its QR code as a PNG data URI, and the token to confirm with.</summary>
    public sealed record Setup(string Secret, string OtpAuthUri, string QrCodeDataUri, string EnrolmentToken);

    /// <summary>The outcome of confirming: the recovery codes (shown once) and the re-issued principal, or an error.</summary>
    public sealed record Confirmation(string? Error, IReadOnlyList<string> RecoveryCodes, ClaimsPrincipal? Principal);

    public Setup Begin(ClaimsPrincipal principal)
    {
        var userId = principal.UserId() ?? throw RuleException.NotFound();
        var userName = principal.FindFirstValue(EofficeClaims.UserName) ?? userId.ToString();
        var secret = TwoFactorCodes.NewSecret();
        var uri = Totp.EnrolmentUri(TwoFactorCodes.Issuer, userName, secret);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new Setup(secret, uri, "data:image/png;base64," + Convert.ToBase64String(png), codes.CreateEnrolment(userId, secret));
    }

    public async Task<Confirmation> ConfirmAsync(ClaimsPrincipal principal, string? enrolmentToken, string? code, CancellationToken cancellationToken)
    {
        var (user, sessionId) = await LoadAsync(principal, cancellationToken);
        var secret = codes.ReadEnrolment(user.Id, enrolmentToken);
        if (secret is null)
        {
            return new Confirmation("Mã QR đã hết hạn. Vui lòng quét mã mới.", [], null);
        }

        if (Totp.Verify(Base32.Decode(secret), code, time.GetUtcNow(), lastUsedStep: null) is not { } step)
        {
            return new Confirmation("Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.", [], null);
        }

        user.EnableTwoFactor(codes.ProtectSecret(secret), step);
        var recovery = await codes.ReplaceRecoveryCodesAsync(user.Id, cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("account.two-factor.enable", "user", user.Id.ToString(), Details: "authenticator app enrolled"), cancellationToken);
        return new Confirmation(null, recovery, sessions.CreatePrincipal(user, sessionId));
    }

    /// <summary>Turns two-factor sign-in off after checking the password (a wrong one counts towards the lockout); refused for administrators.</summary>
    public async Task<(string? Error, ClaimsPrincipal? Principal)> DisableAsync(ClaimsPrincipal principal, string? password, CancellationToken cancellationToken)
    {
        var (user, sessionId) = await LoadAsync(principal, cancellationToken);
        if (AccountRequirements.IsAdministrator(user) && !user.IsDemo)
        {
            return ("Tài khoản quản trị bắt buộc dùng xác thực hai lớp, không thể tắt.", null);
        }

        if (!passwords.IsRight(user, password))
        {
            var lockedUntil = await lockout.CountAsync(user,
                new AuditEvent("account.two-factor.disable", "user", user.Id.ToString(), AuditOutcome.Failure, Details: "wrong password"), cancellationToken);
            return (lockedUntil is { } until ? SignIn.LockedMessage(until) : "Mật khẩu không đúng.", null);
        }

        if (!user.TwoFactorEnabled)
        {
            return (null, sessions.CreatePrincipal(user, sessionId));
        }

        user.DisableTwoFactor();
        await codes.RemoveRecoveryCodesAsync(user.Id, cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("account.two-factor.disable", "user", user.Id.ToString(), Details: "turned off by the owner"), cancellationToken);
        return (null, sessions.CreatePrincipal(user, sessionId));
    }

    public async Task<(bool Enabled, int RecoveryCodesLeft)> StatusAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.UserId() ?? throw RuleException.NotFound();
        var enabled = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(cancellationToken);
        return (enabled, enabled ? await codes.UnusedRecoveryCodesAsync(userId, cancellationToken) : 0);
    }

    private async Task<(User User, Guid SessionId)> LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.UserId() ?? throw RuleException.NotFound();
        var sessionId = Guid.TryParse(principal.FindFirstValue(EofficeClaims.SessionId), out var sid) ? sid : throw RuleException.NotFound();
        var user = await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw RuleException.NotFound();
        return (user, sessionId);
    }
}
