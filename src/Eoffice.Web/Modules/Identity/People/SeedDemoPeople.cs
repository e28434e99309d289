using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// In demo mode (never in the Production environment), fills the demo agency with its people on the first start:
/// leaders, office staff with the clerk, the legal department, three specialised departments and the project board
/// with its own clerk; user names by the rule (two "…n An" give nvan and nvana); the default roles that fit each
/// position; the demo password, no forced change. The demo administrator "quantri" is placed in the Văn phòng.
/// A later start finds the people and changes nothing.
/// </summary>
public sealed class SeedDemoPeople(
    EofficeDbContext db,
    IOrganizationDirectory organization,
    IPasswordHasher<User> hasher,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SeedDemoPeople> logger) : IStartupSeeder
{
    public int Order => 30;

    /// <summary>One demo person: name, unit, position and default roles (unit-scoped where the role is).</summary>
    public sealed record DemoPerson(string FullName, string Unit, string Position, params string[] Roles);

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("Nguyễn Văn An", DemoAgency.Units.Leadership, DemoAgency.Positions.Director, DefaultRoles.AgencyLeader),
        new("Trần Thị Bích Hạnh", DemoAgency.Units.Leadership, DemoAgency.Positions.DeputyDirector, DefaultRoles.AgencyLeader),
        new("Phạm Quốc Khánh", DemoAgency.Units.Leadership, DemoAgency.Positions.DeputyDirector, DefaultRoles.AgencyLeader),
        new("Lê Thị Thu Hà", DemoAgency.Units.Office, DemoAgency.Positions.OfficeChief, DefaultRoles.UnitLeader),
        new("Hoàng Minh Tuấn", DemoAgency.Units.Office, DemoAgency.Positions.DeputyOfficeChief, DefaultRoles.UnitLeader),
        new("Đinh Thị Mai", DemoAgency.Units.Office, DemoAgency.Positions.Clerk, DefaultRoles.Clerk),
        new("Vũ Đức Thắng", DemoAgency.Units.Legal, DemoAgency.Positions.Head, DefaultRoles.UnitLeader, DefaultRoles.LegalReviewer),
        new("Ngô Thị Lan", DemoAgency.Units.Legal, DemoAgency.Positions.Specialist, DefaultRoles.Specialist, DefaultRoles.LegalReviewer),
        new("Đỗ Đức Đạt", DemoAgency.Units.PlanningFinance, DemoAgency.Positions.Head, DefaultRoles.UnitLeader),
        new("Bùi Thị Hồng Nhung", DemoAgency.Units.PlanningFinance, DemoAgency.Positions.DeputyHead, DefaultRoles.UnitLeader),
        new("Nguyễn Viết An", DemoAgency.Units.PlanningFinance, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Trịnh Thị Thanh Hương", DemoAgency.Units.PlanningFinance, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Phan Văn Hùng", DemoAgency.Units.Infrastructure, DemoAgency.Positions.Head, DefaultRoles.UnitLeader),
        new("Lương Thị Ngọc Ánh", DemoAgency.Units.Infrastructure, DemoAgency.Positions.DeputyHead, DefaultRoles.UnitLeader),
        new("Cao Xuân Trường", DemoAgency.Units.Infrastructure, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Đặng Thị Yến", DemoAgency.Units.Infrastructure, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Tạ Quang Huy", DemoAgency.Units.Infrastructure, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Mai Văn Long", DemoAgency.Units.Transport, DemoAgency.Positions.Head, DefaultRoles.UnitLeader),
        new("Nguyễn Thị Kim Oanh", DemoAgency.Units.Transport, DemoAgency.Positions.DeputyHead, DefaultRoles.UnitLeader),
        new("Hà Văn Sơn", DemoAgency.Units.Transport, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Lâm Thị Phương", DemoAgency.Units.Transport, DemoAgency.Positions.Specialist, DefaultRoles.Specialist, DefaultRoles.OneStopDesk),
        new("Trương Công Định", DemoAgency.Units.ProjectBoard, DemoAgency.Positions.BoardHead, DefaultRoles.UnitLeader),
        new("Kiều Thị Loan", DemoAgency.Units.ProjectBoard, DemoAgency.Positions.Clerk, DefaultRoles.Clerk),
        new("Dương Văn Nam", DemoAgency.Units.ProjectBoard, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
        new("Lý Thị Thảo", DemoAgency.Units.ProjectBoard, DemoAgency.Positions.Specialist, DefaultRoles.Specialist),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || environment.IsProduction())
        {
            return;
        }

        var agency = await organization.FindAgencyByCodeAsync(DemoAgency.Code, cancellationToken);
        if (agency is null || await db.Set<User>().AnyAsync(u => u.AgencyId == agency.Id && u.UserName != SeedAdministrator.DemoAdministratorUserName, cancellationToken))
        {
            return;
        }

        var units = (await organization.UnitsOfAgencyAsync(agency.Id, cancellationToken)).ToDictionary(u => u.Name);
        var positions = (await organization.PositionsOfAgencyAsync(agency.Id, cancellationToken)).ToDictionary(p => p.Name);
        var now = time.GetUtcNow().UtcDateTime;
        var taken = (await db.Set<User>().Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // Every demo account has the same password, so one hash serves them all (hashing is deliberately slow).
        string? demoHash = null;
        var phone = 912_345_600;
        foreach (var person in People)
        {
            var userName = UserNameGenerator.Generate(person.FullName, taken.Contains);
            taken.Add(userName);
            var unit = units[person.Unit];
            var user = new User(userName, person.FullName, now, agency.Id)
            {
                IsDemo = true,
                Email = $"{userName}.sgtvt@ninhbinh.gov.vn",
                Phone = $"0{phone++}",
            };
            user.PlaceIn(agency.Id, unit.Id, positions[person.Position].Id);
            demoHash ??= hasher.HashPassword(user, SeedAdministrator.DemoPassword);
            user.SetPasswordHash(demoHash, now, mustChange: false);
            foreach (var role in person.Roles)
            {
                user.GrantRole(role, PersonRules.ScopeFor(role, unit), now);
            }

            db.Add(user);
        }

        var administrator = await db.Set<User>().FirstOrDefaultAsync(u => u.UserName == SeedAdministrator.DemoAdministratorUserName, cancellationToken);
        if (administrator is { AgencyId: null })
        {
            administrator.PlaceIn(agency.Id, units[DemoAgency.Units.Office].Id, positions[DemoAgency.Positions.Administrator].Id);
            administrator.Email ??= "quantri.sgtvt@ninhbinh.gov.vn";
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Count} demo people created in '{Agency}'.", People.Count, agency.FullName);
    }
}
