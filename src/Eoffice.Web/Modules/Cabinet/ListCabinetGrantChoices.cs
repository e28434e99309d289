using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// Whom a folder or file may be granted to: the agency's active people (with their unit), its active units and the
/// roles. <c>GET /api/v1/cabinet/grant-choices</c>; the grants dialog of the pages.
/// </summary>
public sealed class ListCabinetGrantChoices(CabinetStore store, IPeopleDirectory people, IOrganizationDirectory organization)
{
    public async Task<CabinetGrantChoicesResponse> HandleAsync(CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var units = (await organization.UnitsOfAgencyAsync(viewer.AgencyId, cancellationToken)).Where(u => u.IsActive).ToList();
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var persons = (await people.PeopleOfAgencyAsync(viewer.AgencyId, cancellationToken)).Where(p => p.IsActive)
            .Select(p => new CabinetGrantChoice(p.Id.ToString(), p.FullName, p.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null))
            .ToList();
        return new CabinetGrantChoicesResponse(persons,
            [.. units.OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u => new CabinetGrantChoice(u.Id.ToString(), u.Name, null))],
            [.. DefaultRoles.All.Select(r => new CabinetGrantChoice(r, DefaultRoles.Names[r], null))]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/grant-choices", async Task<Ok<CabinetGrantChoicesResponse>> (ListCabinetGrantChoices handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .AsCabinetAction("ListCabinetGrantChoices", "Những người, đơn vị và vai trò có thể được cấp quyền trong tủ tài liệu.");
}
