using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>The agency's exchange directory, active partners first, by name. <c>GET /api/v1/exchange/partners</c>.</summary>
public sealed class ListPartners(PartnerDirectory directory)
{
    public async Task<IReadOnlyList<PartnerResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var rows = await directory.Partners().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(p => p.IsActive).ThenBy(p => p.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(PartnerResponse.From)];
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/partners", async Task<Ok<IReadOnlyList<PartnerResponse>>> (ListPartners handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(ExchangePermissions.ManagePartners))
            .WithName("ListExchangePartners")
            .WithSummary("Danh bạ liên thông văn bản của cơ quan.");
}
