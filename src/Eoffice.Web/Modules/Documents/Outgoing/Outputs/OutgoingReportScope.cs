using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Outputs;

/// <summary>
/// What a person may print of the outgoing documents: the registers they keep, in full; beyond those, as far as their
/// <c>documents.outgoing.report</c> reaches — the whole agency (<see cref="AgencyWide"/>: its clerk, its leaders), or
/// the drafts of the units of the role's scope (<see cref="Units"/>: a unit leader), the same rule as the incoming
/// tracking book's reach.
/// </summary>
public sealed record OutgoingReportViewer(Guid UserId, Guid AgencyId, bool AgencyWide, IReadOnlySet<Guid> Units, IReadOnlySet<Guid> KeptRegisters)
{
    private static readonly IReadOnlySet<Guid> None = new HashSet<Guid>();

    /// <summary>
    /// The drafting units whose documents of <paramref name="register"/> the viewer reads in its book: <c>null</c> for
    /// all (a keeper of the register, an agency-wide reporter), their units for a unit reporter when the register is the
    /// agency's or one of their units' own, none otherwise (the register does not exist for them).
    /// </summary>
    public IReadOnlySet<Guid>? UnitsIn(Register register) =>
        AgencyWide || KeptRegisters.Contains(register.Id) ? null
        : register.UnitId is null || Units.Contains(register.UnitId.Value) ? Units
        : None;

    public bool MayPrint(Register register) => UnitsIn(register) is not { Count: 0 };

    /// <summary>Whether the viewer sees only part of what the agency drafted (a unit's, a register's).</summary>
    public bool Limited => !AgencyWide;
}

/// <summary>
/// The outgoing books' and reports' reach (<see cref="OutgoingReportViewer"/>): the registers a viewer may print and the
/// documents they count. Another agency's register, an incoming register, or one outside the viewer's reach answers 404.
/// </summary>
public sealed class OutgoingReportScope(EofficeDbContext db, ICurrentUser currentUser, IAccessScopes scopes, OutgoingAccessControl access)
{
    private OutgoingReportViewer? viewer;

    public async Task<OutgoingReportViewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        if (viewer is not null)
        {
            return viewer;
        }

        var outgoing = await access.ViewerAsync(cancellationToken);
        var units = await scopes.UnitsWherePermittedAsync(outgoing.UserId, DocumentsPermissions.ReportOutgoing, cancellationToken);
        viewer = new OutgoingReportViewer(outgoing.UserId, outgoing.AgencyId, units is null && currentUser.HasPermission(DocumentsPermissions.ReportOutgoing),
            units ?? new HashSet<Guid>(), outgoing.KeptRegisters);
        return viewer;
    }

    /// <summary>The agency's outgoing registers the viewer may print, in their order.</summary>
    public async Task<IReadOnlyList<Register>> RegistersAsync(CancellationToken cancellationToken)
    {
        var v = await ViewerAsync(cancellationToken);
        var registers = await db.Set<Register>().AsNoTracking()
            .Where(r => r.AgencyId == v.AgencyId && r.Kind == RegisterKind.Outgoing)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
        return registers.Where(v.MayPrint).ToList();
    }

    /// <summary>The register whose book the viewer asks for, and the drafting units they read in it (<c>null</c>: all); 404 otherwise.</summary>
    public async Task<(Register Register, IReadOnlySet<Guid>? Units)> RegisterAsync(Guid registerId, CancellationToken cancellationToken)
    {
        var v = await ViewerAsync(cancellationToken);
        var register = await db.Set<Register>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == registerId && r.AgencyId == v.AgencyId && r.Kind == RegisterKind.Outgoing, cancellationToken);
        if (register is null || !v.MayPrint(register))
        {
            throw RuleException.NotFound();
        }

        return (register, v.UnitsIn(register));
    }

    /// <summary>The agency's outgoing documents the viewer counts: all of them, or their units' drafts and their registers' documents.</summary>
    public IQueryable<OutgoingDocument> Documents(OutgoingReportViewer v)
    {
        var documents = db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.AgencyId == v.AgencyId);
        if (v.AgencyWide)
        {
            return documents;
        }

        var units = v.Units.ToList();
        var registers = v.KeptRegisters.ToList();
        return documents.Where(d => units.Contains(d.DraftingUnitId) || registers.Contains(d.RegisterId));
    }
}
