using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;

namespace Eoffice.Web.Modules.Identity;

/// <summary>Accounts, sign-in and sessions. The module's only door.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, IdentityPermissions>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        services.AddScoped<Sessions>();
        services.AddScoped<ISessionValidator>(sp => sp.GetRequiredService<Sessions>());
        services.AddScoped<SignIn>();
        services.AddScoped<SignOut>();
        services.AddScoped<IStartupSeeder, SeedAdministrator>();
        services.AddSingleton<IStartupNotice, DemoSignInNotice>();
        services.AddAccountSecurity();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIdentityApi();
        endpoints.MapSecurityApi();
        return endpoints;
    }

    /// <summary>The module's middleware: holds people who must change their password or enrol two-factor sign-in.</summary>
    public static IApplicationBuilder UseIdentityModule(this IApplicationBuilder app) => app.UseAccountSecurity();
}
