using System.Security.Claims;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity;

/// <summary>A session stands only while the account is active and its security stamp is unchanged.</summary>
public sealed class SessionValidator(EofficeDbContext db) : ISessionValidator
{
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var id = principal.UserId();
        var stamp = principal.FindFirstValue(EofficeClaims.SecurityStamp);
        if (id is null || stamp is null)
        {
            return false;
        }

        return await db.Set<User>().AnyAsync(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp, cancellationToken);
    }
}
