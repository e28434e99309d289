using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

public sealed record KeeperResponse(Guid UserId, string FullName);

public sealed record RegisterResponse(Guid Id, string Name, string? Code, Guid? UnitId, string? UnitName, bool IsActive, int SortOrder,
    IReadOnlyList<KeeperResponse> Keepers);

/// <summary>
/// The agency's incoming registers with their keepers (administrators), or the ones the signed-in clerk keeps
/// (<c>mine=true</c>). <c>GET /api/v1/documents/registers</c>.
/// </summary>
public sealed class ListRegisters(EofficeDbContext db, ICurrentUser currentUser, IOrganizationDirectory organization, IPeopleDirectory people)
{
    public async Task<IReadOnlyList<RegisterResponse>> HandleAsync(bool mine, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId || currentUser.AgencyId is not { } agencyId)
        {
            throw RuleException.NotFound();
        }

        var query = db.Set<Register>().AsNoTracking().Where(r => r.AgencyId == agencyId && r.Kind == RegisterKind.Incoming);
        if (mine)
        {
            query = query.Where(r => r.IsActive && db.Set<RegisterKeeper>().Any(k => k.RegisterId == r.Id && k.UserId == userId));
        }

        var registers = await query.ToListAsync(cancellationToken);
        var ids = registers.Select(r => r.Id).ToList();
        var keepers = await db.Set<RegisterKeeper>().AsNoTracking().Where(k => ids.Contains(k.RegisterId)).ToListAsync(cancellationToken);
        var names = (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
        var units = (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        return registers
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name, VietnameseText.Comparer)
            .Select(r => new RegisterResponse(r.Id, r.Name, r.Code, r.UnitId, r.UnitId is { } u ? units.GetValueOrDefault(u) : null, r.IsActive, r.SortOrder,
                keepers.Where(k => k.RegisterId == r.Id)
                    .Select(k => new KeeperResponse(k.UserId, names.GetValueOrDefault(k.UserId, "")))
                    .OrderBy(k => k.FullName, VietnameseText.Comparer).ToList()))
            .ToList();
    }

    /// <summary>An incoming register of <paramref name="agencyId"/>; another agency's register is "not found".</summary>
    internal static async Task<Register> LoadAsync(EofficeDbContext db, Guid agencyId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Register>().FirstOrDefaultAsync(r => r.Id == id && r.AgencyId == agencyId && r.Kind == RegisterKind.Incoming, cancellationToken)
        ?? throw RuleException.NotFound("Không tìm thấy sổ văn bản hoặc bạn không có quyền truy cập.");

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registers", async Task<Results<Ok<IReadOnlyList<RegisterResponse>>, ForbidHttpResult>> (bool? mine, ListRegisters handler, ICurrentUser user, CancellationToken ct) =>
            {
                var allowed = user.HasPermission(DocumentsPermissions.ManageRegisters)
                    || (mine == true && user.HasPermission(DocumentsPermissions.RegisterIncoming));
                return allowed ? TypedResults.Ok(await handler.HandleAsync(mine == true, ct)) : TypedResults.Forbid();
            })
            .RequireAuthorization()
            .WithName("ListIncomingRegisters")
            .WithSummary("Danh sách sổ văn bản đến của cơ quan (mine=true: các sổ tôi giữ).");
}
