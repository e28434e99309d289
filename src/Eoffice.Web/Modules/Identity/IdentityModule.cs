using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.External;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Modules.Identity.Security;
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
        services.AddScoped<IConsoleCommand, CreateAdministratorCommand>();
        services.AddExternalSignIn();

        // People and their accounts (organisation administration), one line per use case.
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<PeopleScope>();
        services.AddScoped<Placement>();
        services.AddScoped<ListPeople>();
        services.AddScoped<CreatePerson>();
        services.AddScoped<UpdatePerson>();
        services.AddScoped<MovePerson>();
        services.AddScoped<DisablePerson>();
        services.AddScoped<EnablePerson>();
        services.AddScoped<ImportPeople>();
        services.AddScoped<IStartupSeeder, SeedDemoPeople>();
        services.AddSingleton(new NavigationItem("Nav.People", "/quan-tri/can-bo", IdentityPermissions.ManageAccounts, NavigationSections.Administration, 13));
        services.AddIdentityRights();
        services.AddAccountSecurity();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIdentityApi();
        endpoints.MapExternalSignIn();

        var people = endpoints.MapGroup("/api/v1/people").WithTags("Cán bộ, tài khoản").WithRequestValidation();
        ListPeople.Map(people);
        CreatePerson.Map(people);
        UpdatePerson.Map(people);
        MovePerson.Map(people);
        DisablePerson.Map(people);
        EnablePerson.Map(people);
        ImportPeople.Map(people);
        endpoints.MapIdentityRights();
        endpoints.MapSecurityApi();
        return endpoints;
    }

    /// <summary>The module's middleware: holds people who must change their password or enrol two-factor sign-in.</summary>
    public static IApplicationBuilder UseIdentityModule(this IApplicationBuilder app) => app.UseAccountSecurity();
}
