using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// Document exchange with other agencies (liên thông văn bản, ADR 0030): the edXML wire format (<c>Edxml/</c>), the
/// exchange directory of partner agencies, the receive endpoint and its received-package rows. The module's only door.
/// </summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchangeModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, ExchangePermissions>();
        services.AddScoped<PartnerDirectory>();
        services.AddScoped<AgencyEdxmlKeys>();
        services.AddScoped<ListPartners>();
        services.AddScoped<GetPartner>();
        services.AddScoped<CreatePartner>();
        services.AddScoped<UpdatePartner>();
        services.AddScoped<ReceivePackage>();
        services.AddSingleton(new NavigationItem("Nav.ExchangePartners", "/quan-tri/lien-thong", ExchangePermissions.ManagePartners,
            NavigationSections.Administration, 45));
        return services;
    }

    public static IEndpointRouteBuilder MapExchangeModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/exchange").WithTags("Liên thông văn bản").WithRequestValidation();
        ListPartners.Map(group);
        GetPartner.Map(group);
        CreatePartner.Map(group);
        UpdatePartner.Map(group);
        ReceivePackage.Map(group);
        return endpoints;
    }
}
