using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The administrator names the clerks who keep the agency seal (Decree 30 Art. 32.2: only văn thư applies it): they
/// alone may sign with the agency's seal certificate. <c>PUT /api/v1/signing/certificates/{id}/seal-holders</c>.
/// </summary>
public sealed class SetSealHolders(EofficeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, UnitOfWork unitOfWork)
{
    public sealed record Request(IReadOnlyList<Guid>? HolderIds) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (HolderIds is null)
            {
                errors["holderIds"] = ["Chọn người giữ dấu."];
            }
            else if (HolderIds.Count > 50)
            {
                errors["holderIds"] = ["Tối đa 50 người giữ dấu."];
            }

            return errors;
        }
    }

    public async Task<CertificateResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var certificate = await SigningCertificates.FindAsync(db, currentUser, id, cancellationToken);
        var holders = new List<(Guid, string)>();
        foreach (var holderId in request.HolderIds!.Distinct())
        {
            var person = await people.FindPersonAsync(holderId, cancellationToken);
            if (person is null || person.AgencyId != certificate.AgencyId || !person.IsActive)
            {
                throw RuleException.Invalid("Người giữ dấu phải là người đang làm việc tại cơ quan.", "holderIds");
            }

            holders.Add((person.Id, person.FullName));
        }

        certificate.SetSealHolders(holders);
        await unitOfWork.CommitAsync(new AuditEvent("signing.seal-holders.set", "signing-certificate", certificate.Id.ToString(),
            Details: $"{certificate.Subject}: {string.Join(", ", holders.Select(h => h.Item2))}"), cancellationToken);
        return CertificateResponse.From(certificate);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/certificates/{id:guid}/seal-holders", async Task<Ok<CertificateResponse>> (Guid id, Request request, SetSealHolders handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(SigningPermissions.ManageSigning))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SetSealHolders")
            .WithSummary("Giao người giữ con dấu số của cơ quan (văn thư).");
}
