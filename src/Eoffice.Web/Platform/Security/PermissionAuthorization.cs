using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Security;

/// <summary>
/// Policies named "perm:&lt;permission&gt;" are built on demand: the signed-in user must hold a "perm" claim with that value.
/// Use <see cref="RequirePermissionAttribute"/> on pages or <c>RequireAuthorization(Policies.For(...))</c> on endpoints.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Policies.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(EofficeClaims.Permission, policyName[Policies.Prefix.Length..])
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

public static class Policies
{
    public const string Prefix = "perm:";

    public static string For(string permission) => Prefix + permission;
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(Policies.For(permission))
{
    public string Permission { get; } = permission;
}

public static class EofficeClaims
{
    public const string Permission = "perm";
    public const string UserId = "sub";
    public const string UserName = "name";
    public const string FullName = "full_name";
    public const string Role = "role";
    public const string SecurityStamp = "stamp";
    public const string SessionId = "sid";
    public const string AgencyId = "agency";
    public const string MustChangePassword = "must_change_password";
    public const string MustEnrolTwoFactor = "must_enrol_two_factor";

    /// <summary>Whether the person is held at the door (password change or two-factor enrolment) before using anything else.</summary>
    public static bool IsHeld(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type is MustChangePassword or MustEnrolTwoFactor);
}
