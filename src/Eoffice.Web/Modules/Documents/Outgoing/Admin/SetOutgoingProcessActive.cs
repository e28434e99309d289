using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Admin;

/// <summary>
/// The rules that hold across an agency's processes, checked inside the commit's transaction: one active process per
/// document type, one active default, and always an active default. The agency's settings row is locked first (a no-op
/// update), so two administrators changing the agency's processes at once take turns and the check reads what the
/// other committed — on PostgreSQL as on SQLite, where the transaction holds the write lock anyway.
/// </summary>
public sealed class ActiveProcessGuard(EofficeDbContext db)
{
    /// <summary>
    /// Checks <paramref name="changed"/> (tracked, changed but not saved) against the agency's other processes; with
    /// <paramref name="replace"/>, the active processes it clashes with are stopped instead of refusing. Returns those.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingProcess>> CheckAsync(OutgoingProcess changed, bool replace, string? field, CancellationToken cancellationToken)
    {
        await db.Set<OutgoingSettings>().Where(s => s.AgencyId == changed.AgencyId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NumberPerType, x => x.NumberPerType), cancellationToken);
        var others = await db.Set<OutgoingProcess>().Where(p => p.AgencyId == changed.AgencyId && p.IsActive && p.Id != changed.Id).ToListAsync(cancellationToken);
        var clashes = changed.IsActive ? changed.ClashesWith(others) : [];
        if (!replace)
        {
            changed.ClashRule(clashes, field).ThrowIfBroken();
        }

        foreach (var clash in clashes)
        {
            clash.Deactivate();
        }

        OutgoingProcess.KeepsDefault(others.Append(changed), field).ThrowIfBroken();
        return clashes;
    }
}

/// <summary>
/// Áp dụng / ngừng áp dụng: the administrator applies a process (new drafts of its types follow it) or stops it. Applying
/// one that competes with an active process (the same type, or a second default) is refused naming it, unless
/// <c>replace=true</c> stops that one in the same step; the agency always keeps an active default. Drafts already on
/// their way keep their chain. <c>POST /api/v1/documents/outgoing-processes/{id}/activate</c> and <c>…/deactivate</c>.
/// </summary>
public sealed class SetOutgoingProcessActive(EofficeDbContext db, ActiveProcessGuard guard, ICurrentUser currentUser, UnitOfWork unitOfWork)
{
    public async Task<OutgoingProcessResponse> ActivateAsync(Guid id, bool replace, CancellationToken cancellationToken) =>
        await SetAsync(id, active: true, replace, cancellationToken);

    public async Task<OutgoingProcessResponse> DeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        await SetAsync(id, active: false, replace: false, cancellationToken);

    private async Task<OutgoingProcessResponse> SetAsync(Guid id, bool active, bool replace, CancellationToken cancellationToken)
    {
        var process = await ListOutgoingProcesses.LoadAsync(db, currentUser, id, tracked: true, cancellationToken);
        if (process.IsActive == active)
        {
            return OutgoingProcessResponse.Of(process);
        }

        if (active)
        {
            process.Reactivate();
        }
        else
        {
            process.Deactivate();
        }

        await unitOfWork.CommitAsync(
            ct => guard.CheckAsync(process, replace, "isActive", ct),
            replaced => new AuditEvent(active ? "documents.outgoing-process.activate" : "documents.outgoing-process.deactivate", "outgoing-process",
                process.Id.ToString(),
                Details: $"{SaveOutgoingProcess.Describe(process)}{(replaced.Count == 0 ? "" : $"; thay thế: {string.Join(", ", replaced.Select(r => r.Name))}")}"),
            cancellationToken);
        return OutgoingProcessResponse.Of(process);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/outgoing-processes/{id:guid}/activate", async Task<Ok<OutgoingProcessResponse>> (Guid id, bool? replace, SetOutgoingProcessActive handler,
                CancellationToken ct) => TypedResults.Ok(await handler.ActivateAsync(id, replace ?? false, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ActivateOutgoingProcess")
            .WithSummary("Áp dụng một quy trình cho các loại văn bản của nó (replace=true: ngừng áp dụng quy trình đang áp dụng cho cùng loại).");
        group.MapPost("/outgoing-processes/{id:guid}/deactivate", async Task<Ok<OutgoingProcessResponse>> (Guid id, SetOutgoingProcessActive handler,
                CancellationToken ct) => TypedResults.Ok(await handler.DeactivateAsync(id, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeactivateOutgoingProcess")
            .WithSummary("Ngừng áp dụng một quy trình; cơ quan luôn phải có một quy trình mặc định đang áp dụng.");
    }
}
