using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// In demo mode, gives the demo agency its incoming registers — the agency's "Sổ văn bản đến" kept by the office clerk,
/// and the project board's own register kept by its clerk — and the handling route of its regulation (000 Điều 5.2.a):
/// the clerk presents to the chief of office, who screens and passes to the director.
/// </summary>
public sealed class SeedDemoIncoming(
    EofficeDbContext db,
    IOrganizationDirectory organization,
    IAccessScopes scopes,
    IncomingDefaults defaults,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time) : IStartupSeeder
{
    public const string AgencyRegisterName = "Sổ văn bản đến";
    public const string ProjectBoardRegisterName = "Sổ văn bản đến - Ban Quản lý dự án";

    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || environment.IsProduction()
            || await organization.FindAgencyByCodeAsync(DemoAgency.Code, cancellationToken) is not { } agency
            || await db.Set<Register>().AnyAsync(r => r.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var units = await organization.UnitsOfAgencyAsync(agency.Id, cancellationToken);
        var board = units.First(u => u.Name == DemoAgency.Units.ProjectBoard);
        var agencyRegister = new Register(agency.Id, null, RegisterKind.Incoming, AgencyRegisterName, "VBĐ", now);
        var boardRegister = new Register(agency.Id, board.Id, RegisterKind.Incoming, ProjectBoardRegisterName, "BQLDA", now) { SortOrder = 1 };
        db.AddRange(agencyRegister, boardRegister);

        foreach (var clerk in await scopes.HoldersOfRoleAsync(agency.Id, DefaultRoles.Clerk, cancellationToken))
        {
            db.Add(new RegisterKeeper(clerk.ScopeUnitId == board.Id ? boardRegister.Id : agencyRegister.Id, clerk.UserId));
        }

        var settings = await defaults.SettingsAsync(agency.Id, cancellationToken);
        settings.Route = PresentationRoute.ViaOfficeChief;
        settings.UnitHeadsConfirmResults = true;
        await db.SaveChangesAsync(cancellationToken);
    }
}
