using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Cabinet;

internal static class CabinetEndpoints
{
    public static RouteHandlerBuilder AsGrants(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.AsCabinetAction(name, summary);

    public static RouteHandlerBuilder AsCabinetAction(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(name)
            .WithSummary(summary);
}
