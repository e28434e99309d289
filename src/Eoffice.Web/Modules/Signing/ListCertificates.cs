using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The agency's registered certificates, the active ones first. <c>GET /api/v1/signing/certificates</c>.
/// </summary>
public sealed class ListCertificates(Eoffice.Web.Platform.Data.EofficeDbContext db, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<CertificateResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var rows = await db.Set<SigningCertificate>().AsNoTracking().Include(c => c.SealHolders)
            .Where(c => c.AgencyId == agencyId).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(c => c.IsActive).ThenBy(c => c.Use).ThenBy(c => c.OwnerName).ThenByDescending(c => c.NotAfter)
            .Select(CertificateResponse.From)];
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/certificates", async Task<Ok<IReadOnlyList<CertificateResponse>>> (ListCertificates handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(SigningPermissions.ManageSigning))
            .WithName("ListSigningCertificates")
            .WithSummary("Danh sách chứng thư số đã đăng ký của cơ quan.");
}
