using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// What an agency starts with for incoming documents, created the first time it is needed: handling settings (present
/// straight to the agency leader, remind 2 working days ahead) and the default "who may send to whom" rules:
/// <list type="bullet">
/// <item>clerks present to agency leaders and to the office's leaders;</item>
/// <item>agency leaders send to other agency leaders, the office's leaders, any unit, any person;</item>
/// <item>leaders of the office (Văn phòng) send to agency leaders, any unit, any person (they screen and distribute);</item>
/// <item>unit leaders and specialists send within their own unit.</item>
/// </list>
/// </summary>
public sealed class IncomingDefaults(EofficeDbContext db)
{
    public static IEnumerable<RoutingRule> DefaultRules(Guid agencyId) =>
    [
        new(agencyId, DefaultRoles.Clerk, null, RoutingTarget.AgencyLeaders),
        new(agencyId, DefaultRoles.Clerk, null, RoutingTarget.OfficeLeaders),
        new(agencyId, DefaultRoles.AgencyLeader, null, RoutingTarget.AgencyLeaders),
        new(agencyId, DefaultRoles.AgencyLeader, null, RoutingTarget.OfficeLeaders),
        new(agencyId, DefaultRoles.AgencyLeader, null, RoutingTarget.AnyUnit),
        new(agencyId, DefaultRoles.AgencyLeader, null, RoutingTarget.AnyPerson),
        new(agencyId, DefaultRoles.UnitLeader, (int)UnitKind.Office, RoutingTarget.AgencyLeaders),
        new(agencyId, DefaultRoles.UnitLeader, (int)UnitKind.Office, RoutingTarget.AnyUnit),
        new(agencyId, DefaultRoles.UnitLeader, (int)UnitKind.Office, RoutingTarget.AnyPerson),
        new(agencyId, DefaultRoles.UnitLeader, null, RoutingTarget.OwnUnit),
        new(agencyId, DefaultRoles.Specialist, null, RoutingTarget.OwnUnit),
    ];

    /// <summary>The agency's settings, created with the defaults (and the default rules) on first use. Does not save.</summary>
    public async Task<IncomingSettings> SettingsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var settings = await db.Set<IncomingSettings>().FirstOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken)
            ?? db.ChangeTracker.Entries<IncomingSettings>().Select(e => e.Entity).FirstOrDefault(s => s.AgencyId == agencyId);
        if (settings is not null)
        {
            return settings;
        }

        settings = new IncomingSettings(agencyId);
        db.Add(settings);
        if (!await db.Set<RoutingRule>().AnyAsync(r => r.AgencyId == agencyId, cancellationToken))
        {
            db.AddRange(DefaultRules(agencyId));
        }

        return settings;
    }

    /// <summary>The agency's routing rules (the defaults until the administrator changes them).</summary>
    public async Task<IReadOnlyList<RoutingRule>> RulesAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var rules = await db.Set<RoutingRule>().AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync(cancellationToken);
        return rules.Count > 0 ? rules : DefaultRules(agencyId).ToList();
    }
}
