using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.People;

internal sealed class PeopleDirectory(EofficeDbContext db) : IPeopleDirectory
{
    public Task<PersonInfo?> FindPersonAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.Set<User>().AsNoTracking().Where(u => u.Id == personId)
            .Select(u => new PersonInfo(u.Id, u.AgencyId, u.UnitId, u.PositionId, u.UserName, u.FullName, u.Email, u.Phone, u.Status == AccountStatus.Active))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonInfo>> PeopleOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var people = await db.Set<User>().AsNoTracking().Where(u => u.AgencyId == agencyId)
            .Select(u => new PersonInfo(u.Id, u.AgencyId, u.UnitId, u.PositionId, u.UserName, u.FullName, u.Email, u.Phone, u.Status == AccountStatus.Active))
            .ToListAsync(cancellationToken);
        return people.OrderBy(p => GivenName(p.FullName), VietnameseText.Comparer).ThenBy(p => p.FullName, VietnameseText.Comparer).ToList();
    }

    public Task<int> CountActiveInUnitAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        db.Set<User>().CountAsync(u => u.UnitId == unitId && u.Status == AccountStatus.Active, cancellationToken);

    /// <summary>Vietnamese lists are ordered by the given name (the last word), then the whole name.</summary>
    internal static string GivenName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? fullName;
}
