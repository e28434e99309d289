using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The administrator stops a certificate (lost token, person left, certificate revoked): it signs nothing more, and a
/// server-held key file is erased. Signatures it made stay as they are. <c>POST /api/v1/signing/certificates/{id}/deactivate</c>.
/// </summary>
public sealed class DeactivateCertificate(EofficeDbContext db, ICurrentUser currentUser, UnitOfWork unitOfWork, TimeProvider time)
{
    public async Task<CertificateResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var certificate = await SigningCertificates.FindAsync(db, currentUser, id, cancellationToken);
        certificate.Deactivate(time.GetUtcNow().UtcDateTime);
        await unitOfWork.CommitAsync(new AuditEvent("signing.certificate.deactivate", "signing-certificate", certificate.Id.ToString(),
            Details: $"{certificate.Subject}, số hiệu {certificate.SerialNumber}"), cancellationToken);
        return CertificateResponse.From(certificate);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/certificates/{id:guid}/deactivate", async Task<Ok<CertificateResponse>> (Guid id, DeactivateCertificate handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(SigningPermissions.ManageSigning))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeactivateSigningCertificate")
            .WithSummary("Ngừng sử dụng một chứng thư số.");
}

/// <summary>Loading a certificate of the current user's agency; another agency's id is not found.</summary>
internal static class SigningCertificates
{
    public const string NotFoundMessage = "Không tìm thấy chứng thư số.";

    public static async Task<SigningCertificate> FindAsync(EofficeDbContext db, ICurrentUser currentUser, Guid id, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound(NotFoundMessage);
        return await db.Set<SigningCertificate>().Include(c => c.SealHolders)
            .FirstOrDefaultAsync(c => c.Id == id && c.AgencyId == agencyId, cancellationToken)
            ?? throw RuleException.NotFound(NotFoundMessage);
    }
}
