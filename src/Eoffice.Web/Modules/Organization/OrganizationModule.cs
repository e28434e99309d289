using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Organization;

/// <summary>Agency, unit tree and positions. The module's only door.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, OrganizationPermissions>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<AgencyScope>();

        // Use cases, one line each.
        services.AddScoped<GetAgency>();
        services.AddScoped<CreateAgency>();
        services.AddScoped<UpdateAgency>();
        services.AddScoped<ListUnits>();
        services.AddScoped<CreateUnit>();
        services.AddScoped<UpdateUnit>();
        services.AddScoped<MoveUnit>();
        services.AddScoped<DeactivateUnit>();
        services.AddScoped<ReactivateUnit>();
        services.AddScoped<ListPositions>();
        services.AddScoped<CreatePosition>();
        services.AddScoped<UpdatePosition>();
        services.AddScoped<DeactivatePosition>();
        services.AddScoped<ReactivatePosition>();

        services.AddScoped<IStartupSeeder, SeedDemoAgency>();
        services.AddScoped<IStartupSeeder, SeedDemoRightsApprover>();

        services.AddSingleton(new NavigationItem("Nav.Directory", "/danh-ba", OrganizationPermissions.ViewOrganization, NavigationSections.Main, 80));
        services.AddSingleton(new NavigationItem("Nav.Agency", "/quan-tri/co-quan", OrganizationPermissions.ManageOrganization, NavigationSections.Administration, 10));
        services.AddSingleton(new NavigationItem("Nav.Units", "/quan-tri/don-vi", OrganizationPermissions.ManageOrganization, NavigationSections.Administration, 11));
        services.AddSingleton(new NavigationItem("Nav.Positions", "/quan-tri/chuc-vu", OrganizationPermissions.ManageOrganization, NavigationSections.Administration, 12));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/organization").WithTags("Cơ cấu tổ chức").WithRequestValidation();
        GetAgency.Map(group);
        CreateAgency.Map(group);
        UpdateAgency.Map(group);
        ListUnits.Map(group);
        CreateUnit.Map(group);
        UpdateUnit.Map(group);
        MoveUnit.Map(group);
        DeactivateUnit.Map(group);
        ReactivateUnit.Map(group);
        ListPositions.Map(group);
        CreatePosition.Map(group);
        UpdatePosition.Map(group);
        DeactivatePosition.Map(group);
        ReactivatePosition.Map(group);
        return endpoints;
    }
}
