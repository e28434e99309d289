using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// The shared document cabinet (tủ tài liệu, regulation 004 Điều 10; ADR 0032): folders per agency and unit, access
/// levels per folder and file, versions, recycle bin, unit quotas. The module's only door.
/// </summary>
public static class CabinetModule
{
    public static IServiceCollection AddCabinetModule(this IServiceCollection services)
    {
        services.AddOptions<CabinetOptions>().BindConfiguration(CabinetOptions.Section);
        services.AddSingleton<IPermissionProvider, CabinetPermissions>();
        services.AddScoped<CabinetStore>();
        services.AddScoped<GetCabinetTree>();
        services.AddScoped<GetCabinetFolder>();
        services.AddScoped<CreateCabinetFolder>();
        services.AddScoped<SetCabinetGrants>();
        services.AddScoped<UploadCabinetFiles>();
        services.AddScoped<GetCabinetFile>();
        services.AddScoped<ReadCabinetFile>();
        services.AddScoped<RenameCabinetFile>();
        services.AddScoped<RecycleCabinetFile>();
        services.AddScoped<ListCabinetRecycleBin>();
        services.AddScoped<SetCabinetQuota>();
        services.AddScoped<ListCabinetGrantChoices>();
        services.AddScoped<PurgeRecycleBin>();
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<PurgeRecycleBin>());
        services.AddSingleton(new NavigationItem("Nav.Cabinet", "/tu-tai-lieu", CabinetPermissions.Use, NavigationSections.Main, 31));
        return services;
    }

    public static IEndpointRouteBuilder MapCabinetModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/cabinet").WithTags("Tủ tài liệu").WithRequestValidation();
        GetCabinetTree.Map(group);
        GetCabinetFolder.Map(group);
        CreateCabinetFolder.Map(group);
        SetCabinetGrants.Map(group);
        UploadCabinetFiles.Map(group);
        GetCabinetFile.Map(group);
        ReadCabinetFile.Map(group);
        RenameCabinetFile.Map(group);
        RecycleCabinetFile.Map(group);
        ListCabinetRecycleBin.Map(group);
        SetCabinetQuota.Map(group);
        ListCabinetGrantChoices.Map(group);
        return endpoints;
    }
}
