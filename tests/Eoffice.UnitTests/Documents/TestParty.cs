using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.UnitTests.Documents;

/// <summary>
/// A person acting on an incoming document in a domain test, with the same reach as a real viewer: what is addressed to
/// them or to a unit they lead, what they sent; a clerk keeps every register, a unit's clerk only the unit's; a delegate also acts on what is addressed
/// to, or was sent by, the person they stand in for.
/// </summary>
internal sealed record TestParty(Guid UserId, string Name, IReadOnlyList<Guid> Leads, bool IsClerk = false, TestParty? StandsInFor = null,
    Guid? OnlyRegister = null) : IIncomingParty
{
    public TestParty(string name, params Guid[] leads)
        : this(Guid.NewGuid(), name, leads)
    {
    }

    public Actor Self => new(UserId, Name);

    public bool AgencyWideTracker => false;

    public static TestParty Clerk(string name) => new(Guid.NewGuid(), name, [], IsClerk: true);

    /// <summary>A unit's clerk, who keeps only that unit's register.</summary>
    public static TestParty ClerkOf(string name, Guid registerId) => new(Guid.NewGuid(), name, [], IsClerk: true, OnlyRegister: registerId);

    /// <summary>A deputy acting for <paramref name="delegator"/> under a delegation.</summary>
    public static TestParty Deputy(string name, TestParty delegator) => new(Guid.NewGuid(), name, [], StandsInFor: delegator);

    public Actor? ActorFor(Assignment assignment) =>
        assignment.RecipientUserId == UserId || (assignment.RecipientUnitId is { } unit && Leads.Contains(unit)) ? Self
        : StandsInFor is { } d && assignment.RecipientUserId == d.UserId ? new Actor(UserId, Name, d.UserId, d.Name)
        : null;

    public Actor? SenderFor(Assignment assignment) =>
        assignment.SenderId == UserId ? Self
        : StandsInFor is { } d && assignment.SenderId == d.UserId ? new Actor(UserId, Name, d.UserId, d.Name)
        : null;

    public bool Keeps(Guid registerId) => IsClerk && (OnlyRegister is null || OnlyRegister == registerId);
}
