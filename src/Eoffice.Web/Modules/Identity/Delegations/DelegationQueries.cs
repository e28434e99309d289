using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Delegations;

/// <inheritdoc cref="IDelegations"/>
/// <remarks>
/// Activity is computed from the dates against today's Vietnam date by the injected clock, so a delegation starts and
/// ends by itself at midnight. Delegations of people who can no longer act (disabled or departed, either side) do not count.
/// </remarks>
internal sealed class DelegationQueries(EofficeDbContext db, TimeProvider time) : IDelegations
{
    public async Task<IReadOnlyList<Guid>> DelegatorsOfAsync(Guid delegateId, string right, CancellationToken cancellationToken = default) =>
        (await ActiveForAsync(delegateId, cancellationToken))
            .Where(d => d.Covers(right))
            .Select(d => d.DelegatorId)
            .Distinct()
            .ToList();

    public async Task<bool> MayActForAsync(Guid delegateId, Guid delegatorId, string right, CancellationToken cancellationToken = default) =>
        (await ActiveForAsync(delegateId, cancellationToken)).Any(d => d.DelegatorId == delegatorId && d.Covers(right));

    public async Task<IReadOnlyList<ActingFor>> ActingForAsync(Guid delegateId, CancellationToken cancellationToken = default)
    {
        var active = await ActiveForAsync(delegateId, cancellationToken);
        var ids = active.Select(d => d.DelegatorId).Distinct().ToList();
        var names = await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return active.OrderBy(d => d.EndsOn)
            .Select(d => new ActingFor(d.Id, d.DelegatorId, names.GetValueOrDefault(d.DelegatorId, string.Empty),
                d.Rights.Select(r => r.Code).Order(StringComparer.Ordinal).ToList(), d.StartsOn, d.EndsOn))
            .ToList();
    }

    private async Task<List<Delegation>> ActiveForAsync(Guid delegateId, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var users = db.Set<User>();
        return await db.Set<Delegation>().AsNoTracking().Include(d => d.Rights)
            .Where(d => d.DelegateId == delegateId && d.RevokedAt == null && d.StartsOn <= today && d.EndsOn >= today)
            .Where(d => users.Any(u => u.Id == d.DelegatorId && u.Status == AccountStatus.Active)
                && users.Any(u => u.Id == d.DelegateId && u.Status == AccountStatus.Active))
            .ToListAsync(cancellationToken);
    }
}
