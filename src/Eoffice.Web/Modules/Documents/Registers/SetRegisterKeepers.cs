using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// The administrator names the clerks who keep a register (register documents in it and see all of its documents).
/// Only clerks (văn thư) of the agency may keep one. <c>PUT /api/v1/documents/registers/{id}/keepers</c>.
/// </summary>
public sealed class SetRegisterKeepers(EofficeDbContext db, ICurrentUser currentUser, IAccessScopes scopes, IPeopleDirectory people, UnitOfWork unitOfWork)
{
    public sealed record Request(IReadOnlyList<Guid>? UserIds);

    /// <summary>The clerks of the agency who may keep registers.</summary>
    public async Task<IReadOnlyList<KeeperResponse>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var clerks = (await scopes.HoldersOfRoleAsync(agencyId, DefaultRoles.Clerk, cancellationToken)).Select(g => g.UserId).ToHashSet();
        return (await people.PeopleOfAgencyAsync(agencyId, cancellationToken))
            .Where(p => p.IsActive && clerks.Contains(p.Id))
            .Select(p => new KeeperResponse(p.Id, p.FullName))
            .OrderBy(p => p.FullName, Platform.Text.VietnameseText.Comparer)
            .ToList();
    }

    public async Task HandleAsync(Guid registerId, Request request, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var register = await ListRegisters.LoadAsync(db, agencyId, registerId, cancellationToken);
        var names = await ApplyAsync(register, request.UserIds ?? [], "userIds", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("documents.register.keepers", "register", register.Id.ToString(),
            Details: $"{register.Name}: {string.Join(", ", names)}"), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="userIds"/> the register's keepers in the unit of work (not saved); a person who is not one
    /// of the agency's clerks is refused on <paramref name="field"/>. The keepers' names, for the audit entry.
    /// </summary>
    internal async Task<IReadOnlyList<string>> ApplyAsync(Register register, IEnumerable<Guid> userIds, string field, CancellationToken cancellationToken)
    {
        var wanted = userIds.Distinct().ToList();
        var candidates = (await CandidatesAsync(cancellationToken)).ToDictionary(c => c.UserId, c => c.FullName);
        if (wanted.Any(id => !candidates.ContainsKey(id)))
        {
            throw RuleException.Invalid("Chỉ văn thư của cơ quan mới được giữ sổ văn bản.", field);
        }

        var current = await db.Set<RegisterKeeper>().Where(k => k.RegisterId == register.Id).ToListAsync(cancellationToken);
        db.RemoveRange(current.Where(k => !wanted.Contains(k.UserId)));
        db.AddRange(wanted.Where(id => current.All(k => k.UserId != id)).Select(id => new RegisterKeeper(register.Id, id)));
        return wanted.Select(id => candidates[id]).ToList();
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/registers/{id:guid}/keepers", async Task<NoContent> (Guid id, Request request, SetRegisterKeepers handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SetIncomingRegisterKeepers")
            .WithSummary("Chỉ định văn thư giữ sổ văn bản đến.");

        group.MapGet("/registers/keeper-candidates", async Task<Ok<IReadOnlyList<KeeperResponse>>> (SetRegisterKeepers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CandidatesAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .WithName("ListRegisterKeeperCandidates")
            .WithSummary("Văn thư của cơ quan có thể giữ sổ.");
    }
}
