using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>Registration of directory sign-in (LDAP and OpenID Connect), called from <see cref="IdentityModule"/>.</summary>
public static class ExternalSignInModule
{
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services)
    {
        services.AddHttpClient(OidcClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<OidcClient>();
        services.AddSingleton<LdapDirectory>();
        services.AddSingleton<ExternalProviderSecrets>();
        services.AddScoped<SignInWithExternalIdentity>();
        services.AddScoped<SignInWithLdap>();
        services.AddScoped<SignInWithOidc>();
        services.AddScoped<ManageExternalProviders>();
        services.AddSingleton(new NavigationItem("Nav.ExternalSignIn", "/quan-tri/dang-nhap-tap-trung", IdentityPermissions.ManageAccounts,
            NavigationSections.Administration, 80));
        return services;
    }

    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder endpoints)
    {
        SignInWithLdap.MapEndpoint(endpoints);
        SignInWithOidc.MapEndpoints(endpoints);
        ManageExternalProviders.MapEndpoints(endpoints);
        return endpoints;
    }
}
