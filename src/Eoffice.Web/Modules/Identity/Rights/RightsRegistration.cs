using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Handovers;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>Registration and endpoints of rights: role assignment, rights-change warnings, delegation and handover.</summary>
public static class RightsRegistration
{
    public static IServiceCollection AddIdentityRights(this IServiceCollection services)
    {
        services.AddScoped<AgencyPeople>();
        services.AddScoped<RightsApproval>();
        services.AddScoped<RoleGrants>();
        services.AddScoped<GetPersonRoles>();
        services.AddScoped<AssignRole>();
        services.AddScoped<RevokeRole>();
        services.AddScoped<ListRightsChanges>();
        services.AddScoped<ConfirmRightsChange>();
        services.AddScoped<IAccessScopes, AccessScopes>();

        services.AddScoped<IDelegations, DelegationQueries>();
        services.AddScoped<GetDelegation>();
        services.AddScoped<CreateDelegation>();
        services.AddScoped<RevokeDelegation>();

        services.AddScoped<IOpenWorkHandover, DelegationsHandover>();
        services.AddScoped<DepartPerson>();
        services.AddScoped<GetHandover>();

        services.AddSingleton(new NavigationItem("Nav.Delegations", "/uy-quyen", Order: 60));
        services.AddSingleton(new NavigationItem("Nav.Roles", "/quan-tri/phan-quyen", IdentityPermissions.ManageAccounts, NavigationSections.Administration, 20));
        services.AddSingleton(new NavigationItem("Nav.RightsChanges", RightsApproval.PageLink, IdentityPermissions.ManageAccounts, NavigationSections.Administration, 21));
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityRights(this IEndpointRouteBuilder endpoints)
    {
        var people = endpoints.MapGroup("/api/v1/people").WithTags("Phân quyền").WithRequestValidation()
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts));
        GetPersonRoles.Map(people);
        AssignRole.Map(people);
        RevokeRole.Map(people);
        DepartPerson.Map(people);

        var changes = endpoints.MapGroup("/api/v1/rights-changes").WithTags("Phân quyền").RequireAuthorization();
        ListRightsChanges.Map(changes);
        ConfirmRightsChange.Map(changes);

        var delegations = endpoints.MapGroup("/api/v1/delegations").WithTags("Ủy quyền").WithRequestValidation().RequireAuthorization();
        GetDelegation.Map(delegations);
        CreateDelegation.Map(delegations);
        RevokeDelegation.Map(delegations);

        var handovers = endpoints.MapGroup("/api/v1/handovers").WithTags("Bàn giao").RequireAuthorization();
        GetHandover.Map(handovers);
        return endpoints;
    }
}
