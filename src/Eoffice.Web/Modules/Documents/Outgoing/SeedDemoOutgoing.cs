using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// In demo mode, gives the demo agency what outgoing documents need: the agency's "Sổ văn bản đi" kept by the office
/// clerk, the two ready approval processes (regulation 000 Điều 8 in use), and the settings a Sở prints on its
/// documents — "UBND TỈNH NINH BÌNH" above the issuer, the place "Ninh Bình", the abbreviation SGTVT — with the legal
/// unit and the office that review drafts.
/// </summary>
public sealed class SeedDemoOutgoing(
    EofficeDbContext db,
    IOrganizationDirectory organization,
    IAccessScopes scopes,
    OutgoingProcesses processes,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time) : IStartupSeeder
{
    public const string AgencyRegisterName = "Sổ văn bản đi";

    public int Order => 55;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || environment.IsProduction()
            || await organization.FindAgencyByCodeAsync(DemoAgency.Code, cancellationToken) is not { } agency
            || await db.Set<Register>().AnyAsync(r => r.AgencyId == agency.Id && r.Kind == RegisterKind.Outgoing, cancellationToken))
        {
            return;
        }

        var units = await organization.UnitsOfAgencyAsync(agency.Id, cancellationToken);
        var office = units.First(u => u.Name == DemoAgency.Units.Office);
        var register = new Register(agency.Id, null, RegisterKind.Outgoing, AgencyRegisterName, "VBĐi", time.GetUtcNow().UtcDateTime);
        db.Add(register);
        foreach (var clerk in (await scopes.HoldersOfRoleAsync(agency.Id, DefaultRoles.Clerk, cancellationToken)).Where(c => c.ScopeUnitId is null || c.ScopeUnitId == office.Id))
        {
            db.Add(new RegisterKeeper(register.Id, clerk.UserId));
        }

        await db.SaveChangesAsync(cancellationToken);
        await processes.EnsureDefaultsAsync(agency.Id, cancellationToken);
        var settings = await db.Set<OutgoingSettings>().FirstAsync(s => s.AgencyId == agency.Id, cancellationToken);
        settings.SuperiorName = "UBND TỈNH NINH BÌNH";
        settings.Place = "Ninh Bình";
        settings.Abbreviation = DemoAgency.ShortName;
        settings.LegalUnitId = units.First(u => u.Name == DemoAgency.Units.Legal).Id;
        settings.OfficeUnitId = office.Id;
        await db.SaveChangesAsync(cancellationToken);
    }
}
