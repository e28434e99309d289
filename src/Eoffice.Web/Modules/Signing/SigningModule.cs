using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;
using Eoffice.Web.Platform.Web;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Digital signatures (ký số): the certificates the agency signs with and who may use them, the images of signatures
/// and the seal. The PDF and CMS work itself is in <c>Platform/Signing</c>. The module's only door.
/// </summary>
public static class SigningModule
{
    public static IServiceCollection AddSigningModule(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        services.AddSingleton<IPermissionProvider, SigningPermissions>();
        services.AddSingleton<KeyFileVault>();
        services.AddSingleton<TrustAnchors>();
        services.AddSingleton<PdfSignatureInspector>();
        services.AddSingleton<CmsSignatureVerifier>();
        services.AddSingleton<PdfSignatureVerifier>();
        services.AddSingleton<SigningSessions>();
        services.AddSingleton<RemoteSigningService>();
        services.AddSingleton(sp => new ConnectSource(sp.GetRequiredService<IOptions<SigningOptions>>().Value.LocalAgentUrl ?? ""));
        services.AddHttpClient(RemoteSigningService.HttpClientName);

        services.AddScoped<RegisterCertificate>();
        services.AddScoped<ListCertificates>();
        services.AddScoped<DeactivateCertificate>();
        services.AddScoped<SetSealHolders>();
        services.AddScoped<ReplaceSignatureImage>();
        services.AddScoped<Platform.IStartupSeeder, SeedDemoCertificates>();
        services.AddScoped<VerifyFileSignatures>();
        services.AddScoped<Contracts.IFileSignatureCheck>(sp => sp.GetRequiredService<VerifyFileSignatures>());
        services.AddScoped<Contracts.IPdfSigning, PdfSigning>();
        services.AddScoped<Contracts.IAgencyXmlSigning, AgencyXmlSigning>();
        services.AddHttpClient(PdfSigning.TimestampHttpClient);
        services.AddSingleton(new NavigationItem("Nav.Certificates", "/quan-tri/chung-thu-so", SigningPermissions.ManageSigning, NavigationSections.Administration, 40));

        return services;
    }

    public static IEndpointRouteBuilder MapSigningModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/signing").WithTags("Ký số").WithRequestValidation();
        RegisterCertificate.Map(group);
        ListCertificates.Map(group);
        DeactivateCertificate.Map(group);
        SetSealHolders.Map(group);
        ReplaceSignatureImage.Map(group);
        VerifyFileSignatures.Map(group);
        return endpoints;
    }
}
