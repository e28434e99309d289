using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// The administrator adds an agency to the exchange directory: its identifier (once per directory), name, channel,
/// address and certificate. <c>POST /api/v1/exchange/partners</c>; the page /quan-tri/lien-thong.
/// </summary>
public sealed class CreatePartner(PartnerDirectory directory)
{
    public sealed class Request : PartnerInput;

    public async Task<PartnerResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var organId = request.CleanOrganId;
        await directory.EnsureUniqueAsync(organId, null, cancellationToken);
        var partner = new ExchangePartner(directory.AgencyId, organId, request.CleanName, request.ChannelValue, request.CleanEndpoint, directory.Now);
        directory.ApplyCertificate(partner, request);
        directory.UnitOfWork.Db.Add(partner);
        await directory.UnitOfWork.CommitAsync(new AuditEvent("exchange.partner.create", "exchange-partner", partner.Id.ToString(),
            Details: PartnerDirectory.Describe(partner)), cancellationToken);
        return PartnerResponse.From(partner);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/partners", async Task<Created<PartnerResponse>> (Request request, CreatePartner handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/exchange/partners/{created.Id}", created);
            })
            .RequireAuthorization(Policies.For(ExchangePermissions.ManagePartners))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateExchangePartner")
            .WithSummary("Thêm cơ quan vào danh bạ liên thông văn bản.");
}
