using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Organization;

/// <summary>Agency, unit tree and positions. The module's only door.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, OrganizationPermissions>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
