using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>One plan in the list of years.</summary>
public sealed record FilePlanSummary(Guid Id, int Year, string Status, string StatusName, int Revision, int HeadingCount, int EntryCount,
    DateTime? ApprovedAt, string? ApprovedByName, DateTime UpdatedAt);

/// <summary>The agency's file plans, newest year first, and whether the viewer may start one. <c>GET /api/v1/dossiers/file-plans</c>.</summary>
public sealed class ListFilePlans(FilePlanStore store)
{
    public sealed record Response(bool CanCreate, IReadOnlyList<FilePlanSummary> Plans);

    public async Task<Response> HandleAsync(CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plans = await store.Plans(viewer).AsNoTracking().OrderByDescending(p => p.Year)
            .Select(p => new { p.Id, p.Year, p.Status, p.Revision, Headings = p.Headings.Count, Entries = p.Entries.Count, p.ApprovedAt, p.ApprovedByName, p.UpdatedAt })
            .ToListAsync(cancellationToken);
        return new Response(viewer.CanDraft, [.. plans.Select(p => new FilePlanSummary(p.Id, p.Year, FilePlanCodes.Of(p.Status), FilePlanCodes.NameOf(p.Status),
            p.Revision, p.Headings, p.Entries, p.ApprovedAt, p.ApprovedByName, p.UpdatedAt))]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/file-plans", async Task<Ok<Response>> (ListFilePlans handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(DossiersPermissions.ViewFilePlans))
            .WithName("ListFilePlans")
            .WithSummary("Danh mục hồ sơ của cơ quan theo năm.");
}
