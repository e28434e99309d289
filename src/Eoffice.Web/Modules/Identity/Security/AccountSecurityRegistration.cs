using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>Registration of account security: password checks and lockout, two-factor sign-in, access tokens, password rules, inactivity.</summary>
public static class AccountSecurityRegistration
{
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.AddSingleton<PasswordCheck>();
        services.AddScoped<Lockout>();
        services.AddScoped<TwoFactorCodes>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<MySessions>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<AccountSecurityAdministration>();
        services.AddScoped<IRecurringJob, DisableInactiveAccountsJob>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, "Mã truy cập cá nhân", null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SecurityApi.InteractiveSession, policy => policy.RequireAuthenticatedUser().RequireClaim(EofficeClaims.SessionId));
        return services;
    }

    /// <summary>The must-change-password / must-enrol gate; runs after authentication and authorisation, before the endpoint.</summary>
    public static IApplicationBuilder UseAccountSecurity(this IApplicationBuilder app) => app.UseMiddleware<AccountRequirementMiddleware>();
}
