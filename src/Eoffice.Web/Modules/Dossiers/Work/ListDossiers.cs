using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// "Hồ sơ của tôi" (<c>scope=mine</c>: opened by the viewer) and "Hồ sơ của đơn vị" (<c>scope=unit</c>: of the viewer's
/// unit), newest first; counts are of the documents the viewer may open. <c>GET /api/v1/dossiers?scope=</c>.
/// </summary>
public sealed class ListDossiers(DossierStore store)
{
    public const string Mine = "mine";
    public const string OfUnit = "unit";
    public const int MaxRows = 200;

    public sealed record Row(Guid Id, string FileCode, string Notation, string Title, int Year, string RetentionText, string Status, string StatusName,
        int DocTotal, Guid? ParentId, string Creator, DateTime UpdatedAt);

    public async Task<IReadOnlyList<Row>> HandleAsync(string? scope, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var query = store.Visible(viewer).AsNoTracking();
        query = scope == OfUnit ? query.Where(d => viewer.UnitId != null && d.UnitId == viewer.UnitId) : query.Where(d => d.OwnerId == viewer.UserId);
        var dossiers = await query.OrderByDescending(d => d.UpdatedAt).Take(MaxRows).Include(d => d.Items).AsSplitQuery().ToListAsync(cancellationToken);
        var open = await store.OpenableAsync(dossiers.SelectMany(d => d.Items), cancellationToken);
        return dossiers.Select(d => new Row(d.Id, d.FileCode, d.Notation, d.Title, d.Year, d.Retention.Text, DossierCodes.Of(d.Status), DossierCodes.NameOf(d.Status),
            d.Items.Count(i => open.Contains((i.Kind, i.ItemId))), d.ParentId, d.Creator, d.UpdatedAt)).ToList();
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("", async Task<Ok<IReadOnlyList<Row>>> (string? scope, ListDossiers handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(scope, ct)))
            .RequireAuthorization(Policies.For(DossiersPermissions.UseDossiers))
            .WithName("ListDossiers")
            .WithSummary("Hồ sơ của tôi (scope=mine) hoặc hồ sơ của đơn vị (scope=unit).");
}
