using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Organization;

public abstract class DemoAgencySeedTests(EofficeApp app)
{
    [DbFact]
    public async Task The_demo_agency_has_its_units_positions_and_people_with_rule_names_and_fitting_roles()
    {
        var agency = await app.WithDbAsync(db => db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Code == DemoAgency.Code));
        var units = await app.WithDbAsync(db => db.Set<Unit>().AsNoTracking().Where(u => u.AgencyId == agency.Id).ToListAsync());
        var positions = await app.WithDbAsync(db => db.Set<Position>().AsNoTracking().Where(p => p.AgencyId == agency.Id).ToListAsync());
        var people = await app.WithDbAsync(db => db.Set<User>().Include(u => u.RoleAssignments).AsNoTracking().Where(u => u.AgencyId == agency.Id && u.IsDemo).ToListAsync());
        Guid UnitOf(string name) => units.Single(u => u.Name == name).Id;
        User Person(string userName) => people.Single(p => p.UserName == userName);

        Assert.Equal(("Sở Giao thông vận tải tỉnh Ninh Bình", "SGTVT"), (agency.FullName, agency.ShortName));
        Assert.True(AgencyCode.IsValid(agency.Code, out _));
        Assert.Equal(7, units.Count);
        Assert.Equal(4, units.Count(u => u.Kind == UnitKind.Department)); // Phòng Pháp chế and three specialised departments
        Assert.True(units.Single(u => u.Kind == UnitKind.SubordinateUnit).HasOwnClerk);
        Assert.Equal(11, positions.Count);
        Assert.Equal(26, people.Count);
        Assert.Equal(
            ["bthnhung", "cxtruong", "dddat", "dtmai", "dtyen", "dvnam", "hmtuan", "hvson", "ktloan", "ltnanh", "ltphuong", "lttha", "ltthao",
             "mvlong", "ntkoanh", "ntlan", "nvan", "nvana", "pqkhanh", "pvhung", "quantri", "tcdinh", "tqhuy", "ttbhanh", "ttthuong", "vdthang"],
            people.Select(p => p.UserName).Order(StringComparer.Ordinal)); // the README's demo table lists exactly these
        Assert.All(people, p => Assert.False(p.MustChangePassword));
        Assert.Equal("Nguyễn Văn An", Person("nvan").FullName);
        Assert.Equal("Nguyễn Viết An", Person("nvana").FullName);
        Assert.Equal("Đỗ Đức Đạt", Person("dddat").FullName);
        Assert.Equal(3, people.Count(p => p.UnitId == UnitOf(DemoAgency.Units.Leadership)));
        Assert.All(people.Where(p => p.UnitId == UnitOf(DemoAgency.Units.Leadership)), p => Assert.Contains(p.RoleAssignments, r => r.RoleCode == "agency-leader" && r.ScopeUnitId == null));
        Assert.Contains(Person("dtmai").RoleAssignments, r => r.RoleCode == "clerk" && r.ScopeUnitId == null);
        Assert.Contains(Person("ktloan").RoleAssignments, r => r.RoleCode == "clerk" && r.ScopeUnitId == UnitOf(DemoAgency.Units.ProjectBoard));
        Assert.Contains(Person("pvhung").RoleAssignments, r => r.RoleCode == "unit-leader" && r.ScopeUnitId == UnitOf(DemoAgency.Units.Infrastructure));
        Assert.Contains(Person("ntlan").RoleAssignments, r => r.RoleCode == "legal");
        var administrator = Person("quantri");
        Assert.Equal(UnitOf(DemoAgency.Units.Office), administrator.UnitId);
        Assert.Contains(administrator.RoleAssignments, r => r.RoleCode == "administrator");
        Assert.Equal(Person("lttha").Id, agency.RightsApproverId);
        foreach (var department in units.Where(u => u.Kind == UnitKind.Department && u.Name != DemoAgency.Units.Legal))
        {
            Assert.InRange(people.Count(p => p.UnitId == department.Id), 4, 5);
        }
    }

    [DbFact]
    public async Task Every_demo_account_signs_in_with_the_demo_password()
    {
        var client = await app.SignedInClientAsync("nvana", Eoffice.Web.Modules.Identity.SeedAdministrator.DemoPassword);
        var me = await client.GetStringAsync("/api/v1/me");

        Assert.Contains("\"userName\":\"nvana\"", me, StringComparison.Ordinal);
        Assert.Contains("organization.view", me, StringComparison.Ordinal);
        Assert.Equal(SeedDemoPeople.People.Count, SeedDemoPeople.People.Select(p => p.FullName).Distinct().Count());
    }
}

public sealed class DemoAgencySeedTestsOnSqlite(SqliteApp app) : DemoAgencySeedTests(app), IClassFixture<SqliteApp>;

public sealed class DemoAgencySeedTestsOnPostgres(PostgresApp app) : DemoAgencySeedTests(app), IClassFixture<PostgresApp>;

/// <summary>An app on a data folder chosen by the test, in a given environment and demo setting.</summary>
internal sealed class SeedingApp : EofficeApp
{
    private readonly string environment;
    private readonly bool demoMode;

    public SeedingApp(string dataPath, string environment, bool demoMode, bool keepData)
        : base(dataPath)
    {
        this.environment = environment;
        this.demoMode = demoMode;
        KeepDataOnDispose = keepData;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Eoffice:DemoMode"] = demoMode ? "true" : "false",
        ["Eoffice:DemoCertificates"] = demoMode ? "true" : "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
    }
}

public sealed class DemoSeedingRulesTests
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "eoffice-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(int Agencies, int Units, int Users, int Roles)> CountsAsync(EofficeApp app) =>
        await app.WithDbAsync(async db => (await db.Set<Agency>().CountAsync(), await db.Set<Unit>().CountAsync(),
            await db.Set<User>().CountAsync(), await db.Set<RoleAssignment>().CountAsync()));

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        var folder = NewFolder();
        (int, int, int, int) first;
        await using (var app = new SeedingApp(folder, "Testing", demoMode: true, keepData: true))
        {
            await app.InitializeAsync();
            first = await CountsAsync(app);
        }

        await using (var again = new SeedingApp(folder, "Testing", demoMode: true, keepData: false))
        {
            await again.InitializeAsync();
            Assert.Equal(first, await CountsAsync(again));
        }

        Assert.Equal((1, 7, 26), (first.Item1, first.Item2, first.Item3));
    }

    [Theory]
    [InlineData("Testing", false)]
    [InlineData("Production", true)]
    [InlineData("Production", false)]
    public async Task Outside_demo_mode_and_in_production_no_demo_data_is_created(string environment, bool demoMode)
    {
        await using var app = new SeedingApp(NewFolder(), environment, demoMode, keepData: false);
        await app.InitializeAsync();

        Assert.Equal((0, 0, 0, 0), await CountsAsync(app));
    }
}
