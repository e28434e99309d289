using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// The people of the signed-in person's agency. Administrators act only within their agency: a person of another
/// agency is treated as not existing (404), so ids of other agencies reveal nothing.
/// </summary>
public sealed class AgencyPeople(EofficeDbContext db, ICurrentUser currentUser)
{
    public const string NotFoundMessage = "Không tìm thấy cán bộ trong cơ quan.";

    /// <summary>The current user's agency (<c>null</c> for accounts created before agencies existed, who see only each other).</summary>
    public Guid? AgencyId => currentUser.AgencyId;

    public IQueryable<User> InMyAgency()
    {
        var agencyId = currentUser.AgencyId;
        return db.Set<User>().Where(u => u.AgencyId == agencyId);
    }

    /// <summary>The person with their role assignments, tracked for changes.</summary>
    /// <exception cref="RuleException">No such person in the current user's agency.</exception>
    public async Task<User> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        await InMyAgency().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == personId, cancellationToken)
        ?? throw RuleException.NotFound(NotFoundMessage);

    /// <summary>Active people of the agency, by name, for choosers on the pages.</summary>
    public async Task<IReadOnlyList<PersonOption>> ActiveAsync(CancellationToken cancellationToken)
    {
        var people = await InMyAgency().AsNoTracking().Where(u => u.Status == AccountStatus.Active)
            .Select(u => new PersonOption(u.Id, u.FullName, u.UserName)).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.FullName, Platform.Text.VietnameseText.Comparer).ToList();
    }

    /// <summary>A person as a chooser lists them: "Nguyễn Văn An (nvan)".</summary>
    public sealed record PersonOption(Guid Id, string FullName, string UserName)
    {
        public string Label => $"{FullName} ({UserName})";
    }
}
