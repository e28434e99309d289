using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>One partner of the directory; another agency's is not found. <c>GET /api/v1/exchange/partners/{id}</c>.</summary>
public sealed class GetPartner(PartnerDirectory directory)
{
    public async Task<PartnerResponse> HandleAsync(Guid id, CancellationToken cancellationToken) =>
        PartnerResponse.From(await directory.LoadAsync(id, cancellationToken));

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/partners/{id:guid}", async Task<Ok<PartnerResponse>> (Guid id, GetPartner handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(ExchangePermissions.ManagePartners))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetExchangePartner")
            .WithSummary("Một cơ quan trong danh bạ liên thông.");
}
