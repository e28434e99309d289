using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// The approval processes and settings of an agency: the two ready processes (regulation 000 Điều 8, the default; and
/// regulation 003 Điều 6) and default settings are created the first time an agency needs them; the process of a
/// document type is the active one naming the type, else the active default.
/// </summary>
public sealed class OutgoingProcesses(EofficeDbContext db, IOrganizationDirectory organization, TimeProvider time)
{
    public async Task EnsureDefaultsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var changed = false;
        if (!await db.Set<OutgoingProcess>().AnyAsync(p => p.AgencyId == agencyId, cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            db.Add(new OutgoingProcess(agencyId, OutgoingProcess.Regulation000Code, "Quy trình văn bản đi (Quy chế 000, Điều 8)", OutgoingProcess.Regulation000Steps, [], now));
            var other = new OutgoingProcess(agencyId, OutgoingProcess.Regulation003Code, "Quy trình văn bản đi (Quy chế 003, Điều 6)", OutgoingProcess.Regulation003Steps,
                [], now);
            other.Deactivate();
            db.Add(other);
            changed = true;
        }

        if (!await db.Set<OutgoingSettings>().AnyAsync(s => s.AgencyId == agencyId, cancellationToken))
        {
            var agency = await organization.FindAgencyAsync(agencyId, cancellationToken) ?? throw RuleException.NotFound();
            db.Add(new OutgoingSettings(agencyId, agency.ShortName.ToUpperInvariant(), ""));
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<OutgoingSettings> SettingsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        await EnsureDefaultsAsync(agencyId, cancellationToken);
        return await db.Set<OutgoingSettings>().AsNoTracking().FirstAsync(s => s.AgencyId == agencyId, cancellationToken);
    }

    /// <summary>The process a new draft of <paramref name="typeCode"/> follows.</summary>
    public async Task<OutgoingProcess> ForTypeAsync(Guid agencyId, string typeCode, CancellationToken cancellationToken)
    {
        await EnsureDefaultsAsync(agencyId, cancellationToken);
        var active = await db.Set<OutgoingProcess>().AsNoTracking().Where(p => p.AgencyId == agencyId && p.IsActive).ToListAsync(cancellationToken);
        return active.FirstOrDefault(p => p.AppliesTo(typeCode)) ?? active.FirstOrDefault(p => p.TypeCodeList.Count == 0)
            ?? throw RuleException.Invalid("Cơ quan chưa có quy trình xử lý văn bản đi đang áp dụng cho loại văn bản này.", "document.typeCode");
    }
}
