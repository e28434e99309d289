namespace Eoffice.Web.Modules.Identity.Contracts;

/// <summary>
/// A delegation a person holds today: they may see and act on <see cref="DelegatorId"/>'s items within
/// <see cref="Rights"/>, the codes of delegable rights as the modules declare them (<c>DelegableRight</c>, e.g.
/// <c>documents.incoming.handle</c>). Modules record <see cref="DelegatorId"/> and <see cref="DelegatorName"/> as the
/// <c>OnBehalfOf</c> of the audit entry of every action taken under it.
/// </summary>
public sealed record ActingFor(Guid DelegationId, Guid DelegatorId, string DelegatorName, IReadOnlyList<string> Rights, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// Ủy quyền (regulation 002 Điều 11.5; 003 Điều 5 "khi được ủy quyền"): who may act for whom today. A delegation is
/// active from its first to its last day inclusive, in Vietnam dates by the application clock, unless revoked; it ends
/// by itself, so the answers change at midnight Vietnam time without any job. A module asks with the code of the one
/// delegable right its action needs, which it declares itself (<c>IPermissionProvider.GetDelegableRights</c>).
/// </summary>
public interface IDelegations
{
    /// <summary>The people whose <paramref name="right"/> <paramref name="delegateId"/> holds today (their items must be shown to the delegate).</summary>
    Task<IReadOnlyList<Guid>> DelegatorsOfAsync(Guid delegateId, string right, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="delegateId"/> may use <paramref name="delegatorId"/>'s <paramref name="right"/> today.</summary>
    Task<bool> MayActForAsync(Guid delegateId, Guid delegatorId, string right, CancellationToken cancellationToken = default);

    /// <summary>Every delegation <paramref name="delegateId"/> holds today, with the delegator's name for display and audit.</summary>
    Task<IReadOnlyList<ActingFor>> ActingForAsync(Guid delegateId, CancellationToken cancellationToken = default);
}
