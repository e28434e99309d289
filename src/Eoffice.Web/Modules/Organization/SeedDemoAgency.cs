using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// In demo mode (never in the Production environment), creates the demo agency on the first start: Sở Giao thông vận
/// tải tỉnh Ninh Bình with its Ban Giám đốc, Văn phòng, Phòng Pháp chế, three specialised departments and a project
/// management board with its own clerk, and the positions they use. Its people are seeded by the identity module.
/// A later start finds the agency and changes nothing.
/// </summary>
public sealed class SeedDemoAgency(
    EofficeDbContext db,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SeedDemoAgency> logger) : IStartupSeeder
{
    public int Order => 20;

    /// <summary>Demo data is created only in demo mode and never in the Production environment, whatever the settings say.</summary>
    public static bool ShouldSeed(EofficeOptions options, IHostEnvironment environment) => options.DemoMode && !environment.IsProduction();

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!ShouldSeed(options.Value, environment) || await db.Set<Agency>().AnyAsync(a => a.Code == DemoAgency.Code, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var agency = new Agency(DemoAgency.Code, DemoAgency.FullName, DemoAgency.ShortName, now)
        {
            Address = "Số 2 đường Lê Thái Tổ, phường Đông Thành, thành phố Ninh Bình, tỉnh Ninh Bình",
            Phone = "0229 3871 222",
            Email = "sgtvt@ninhbinh.gov.vn",
        };
        db.Add(agency);

        Unit Add(string name, string code, UnitKind kind, int order, bool ownClerk = false)
        {
            var unit = new Unit(agency.Id, null, name, code, kind, order, now) { HasOwnClerk = ownClerk };
            db.Add(unit);
            return unit;
        }

        Add(DemoAgency.Units.Leadership, "BGĐ", UnitKind.Leadership, 1);
        Add(DemoAgency.Units.Office, "VP", UnitKind.Office, 2);
        Add(DemoAgency.Units.Legal, "PC", UnitKind.Department, 3);
        Add(DemoAgency.Units.PlanningFinance, "KHTC", UnitKind.Department, 4);
        Add(DemoAgency.Units.Infrastructure, "KCHT", UnitKind.Department, 5);
        Add(DemoAgency.Units.Transport, "QLVT", UnitKind.Department, 6);
        Add(DemoAgency.Units.ProjectBoard, "BQLDA", UnitKind.SubordinateUnit, 7, ownClerk: true);

        (string Name, bool Leadership)[] positions =
        [
            (DemoAgency.Positions.Director, true),
            (DemoAgency.Positions.DeputyDirector, true),
            (DemoAgency.Positions.OfficeChief, true),
            (DemoAgency.Positions.DeputyOfficeChief, true),
            (DemoAgency.Positions.Head, true),
            (DemoAgency.Positions.DeputyHead, true),
            (DemoAgency.Positions.BoardHead, true),
            (DemoAgency.Positions.DeputyBoardHead, true),
            (DemoAgency.Positions.Specialist, false),
            (DemoAgency.Positions.Clerk, false),
            (DemoAgency.Positions.Administrator, false),
        ];
        for (var i = 0; i < positions.Length; i++)
        {
            db.Add(new Position(agency.Id, positions[i].Name, positions[i].Leadership, i + 1));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo agency '{Agency}' created.", DemoAgency.FullName);
    }
}

/// <summary>
/// After the demo people exist, makes the Chánh Văn phòng the demo agency's rights approver (the person who confirms
/// changes of access rights), if the agency has none yet.
/// </summary>
public sealed class SeedDemoRightsApprover(
    EofficeDbContext db,
    IPeopleDirectory people,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment) : IStartupSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!SeedDemoAgency.ShouldSeed(options.Value, environment))
        {
            return;
        }

        var agency = await db.Set<Agency>().FirstOrDefaultAsync(a => a.Code == DemoAgency.Code, cancellationToken);
        if (agency is null || agency.RightsApproverId is not null)
        {
            return;
        }

        var chief = await db.Set<Position>().AsNoTracking()
            .Where(p => p.AgencyId == agency.Id && p.Name == DemoAgency.Positions.OfficeChief)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var approver = (await people.PeopleOfAgencyAsync(agency.Id, cancellationToken)).FirstOrDefault(p => p.PositionId == chief && p.IsActive);
        if (approver is not null)
        {
            agency.RightsApproverId = approver.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
