using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// The one way a role is granted (Decree 30, Phụ lục VI III.3.c), whoever grants it: the roles page, a new account, the
/// staff import, the command line. The person holds the role from their next request; the grant is recorded as a rights
/// change in the caller's unit of work and the approver is warned until they confirm it. The caller's audit entry names
/// each role and its scope with <see cref="AuditText"/>.
/// </summary>
public sealed class RoleGrants(RightsApproval approval, TimeProvider time, ICurrentUser currentUser)
{
    /// <summary>A role to grant, limited to a unit (and the units below it) or, without one, for the whole agency.</summary>
    public sealed record Grant(string RoleCode, Guid? ScopeUnitId, string ScopeName)
    {
        public string RoleName => GetPersonRoles.RoleName(RoleCode);

        /// <summary>As the approver reads it: "Văn thư (phạm vi: Văn phòng)".</summary>
        public string Description => $"{RoleName} (phạm vi: {ScopeName})";

        /// <summary>As the audit log keeps it, with the codes: "Văn thư [clerk], phạm vi: Văn phòng [id]".</summary>
        public string AuditText => $"{RoleName} [{RoleCode}], phạm vi: {ScopeName} [{ScopeUnitId?.ToString() ?? "agency"}]";
    }

    /// <summary>A person and the roles they are given; <c>Occasion</c> tells the approver why ("thêm cán bộ mới").</summary>
    public sealed record PersonGrants(User Person, IReadOnlyList<Grant> Grants, string? Occasion = null);

    /// <summary>Grants the roles to one person and records the change; returns the new (or already held) assignments.</summary>
    public async Task<IReadOnlyList<RoleAssignment>> GrantAsync(User person, IReadOnlyList<Grant> grants, string? occasion,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var assignments = grants.Select(g => person.GrantRole(g.RoleCode, g.ScopeUnitId, now, currentUser.Id)).ToList();
        await approval.RecordAsync([.. Changes([new PersonGrants(person, grants, occasion)])], cancellationToken);
        return assignments;
    }

    /// <summary>Grants the roles of many people at once (the staff import): one rights change per person, one warning per approver.</summary>
    public async Task GrantAllAsync(IReadOnlyList<PersonGrants> people, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (person, grants, _) in people)
        {
            foreach (var grant in grants)
            {
                person.GrantRole(grant.RoleCode, grant.ScopeUnitId, now, currentUser.Id);
            }
        }

        await approval.RecordAsync([.. Changes(people)], cancellationToken);
    }

    /// <summary>The grants as the audit entry names them, or "none".</summary>
    public static string AuditText(IEnumerable<Grant> grants) =>
        string.Join("; ", grants.Select(g => g.AuditText)) is { Length: > 0 } text ? text : "none";

    private static IEnumerable<(User Subject, string Description)> Changes(IEnumerable<PersonGrants> people) =>
        people.Where(p => p.Grants.Count > 0).Select(p => (p.Person,
            $"Cấp vai trò {string.Join(", ", p.Grants.Select(g => g.Description))} cho {p.Person.FullName}{(p.Occasion is { } occasion ? $" ({occasion})" : string.Empty)}"));
}
