using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Once a day, disables active accounts nobody has used for <see cref="IdentityOptions.InactivityLimit"/> (45 days by
/// default, QCVN 12:2026/BCA), ends their sessions and records it. Counting starts from the latest of creation,
/// re-activation and last sign-in, so an administrator who re-enables an account gives it a fresh period. Demo
/// accounts are exempt: a demonstration installation may sit unused for months and must still open.
/// </summary>
public sealed class DisableInactiveAccountsJob(
    EofficeDbContext db,
    Sessions sessions,
    UnitOfWork unitOfWork,
    IOptions<IdentityOptions> options,
    TimeProvider time,
    ILogger<DisableInactiveAccountsJob> logger) : IRecurringJob
{
    public const string JobName = "identity.inactive-accounts";

    public string Name => JobName;

    public string DisplayName => "Vô hiệu hóa tài khoản không hoạt động";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.InactivityLimit;
        var idle = await db.Set<User>()
            .Where(u => u.Status == AccountStatus.Active && !u.IsDemo && u.CreatedAt < cutoff
                && (u.ActivatedAt == null || u.ActivatedAt < cutoff) && (u.LastSignInAt == null || u.LastSignInAt < cutoff))
            .ToListAsync(cancellationToken);
        foreach (var user in idle)
        {
            user.Disable("inactivity");
            await sessions.MarkAllEndedAsync(user.Id, "account", cancellationToken);
            await unitOfWork.CommitAsync(new AuditEvent("account.disable", "user", user.Id.ToString(),
                Details: $"inactivity: {user.UserName} last active {user.LastActiveAt:O}, limit {options.Value.InactivityLimit.TotalDays:0} days",
                ActorName: "system"), cancellationToken);
        }

        if (idle.Count > 0)
        {
            logger.LogInformation("Disabled {Count} account(s) unused for {Days} days.", idle.Count, options.Value.InactivityLimit.TotalDays);
        }
    }
}
