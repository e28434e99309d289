using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;

namespace Eoffice.Web.Modules.Identity;

/// <summary>Accounts, sign-in, sessions and rights (roles, delegation, handover). The module's only door.</summary>
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
        services.AddIdentityRights();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIdentityApi();
        endpoints.MapIdentityRights();
        return endpoints;
    }
}
