using System.Security.Claims;

namespace Eoffice.Web.Platform.Security;

/// <summary>The person behind the current request, as the platform services (audit, notifications) see them.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    string? UserName { get; }

    string? FullName { get; }

    string? ClientAddress { get; }

    /// <summary>The agency the person works for; objects of other agencies are invisible to them.</summary>
    Guid? AgencyId { get; }

    bool HasPermission(string permission);
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(EofficeClaims.UserId), out var id) ? id : null;

    public string? UserName => Principal?.FindFirstValue(EofficeClaims.UserName);

    public string? FullName => Principal?.FindFirstValue(EofficeClaims.FullName);

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public Guid? AgencyId => Principal?.AgencyId();

    public bool HasPermission(string permission) => Principal?.HasClaim(EofficeClaims.Permission, permission) == true;
}

public static class ClaimsPrincipalExtensions
{
    public static bool HasPermission(this ClaimsPrincipal principal, string permission) =>
        principal.HasClaim(EofficeClaims.Permission, permission);

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(EofficeClaims.UserId), out var id) ? id : null;

    public static Guid? AgencyId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(EofficeClaims.AgencyId), out var id) ? id : null;
}
