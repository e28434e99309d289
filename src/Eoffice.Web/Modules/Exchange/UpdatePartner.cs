using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// The administrator changes a partner: any field, a new certificate (none given keeps the one held), or stops
/// (<c>isActive: false</c>) and resumes exchange with it. <c>PUT /api/v1/exchange/partners/{id}</c>.
/// </summary>
public sealed class UpdatePartner(PartnerDirectory directory)
{
    public sealed class Request : PartnerInput
    {
        public bool IsActive { get; set; } = true;
    }

    public async Task<PartnerResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var partner = await directory.LoadAsync(id, cancellationToken);
        var organId = request.CleanOrganId;
        await directory.EnsureUniqueAsync(organId, partner.Id, cancellationToken);
        partner.Change(organId, request.CleanName, request.ChannelValue, request.CleanEndpoint, request.IsActive, directory.Now);
        directory.ApplyCertificate(partner, request);
        await directory.UnitOfWork.CommitAsync(new AuditEvent("exchange.partner.update", "exchange-partner", partner.Id.ToString(),
            Details: PartnerDirectory.Describe(partner)), cancellationToken);
        return PartnerResponse.From(partner);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/partners/{id:guid}", async Task<Ok<PartnerResponse>> (Guid id, Request request, UpdatePartner handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(ExchangePermissions.ManagePartners))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateExchangePartner")
            .WithSummary("Sửa, ngừng hoặc mở lại liên thông với một cơ quan trong danh bạ.");
}
