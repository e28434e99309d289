using Eoffice.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Web;

/// <summary>The running application's route table, read for tests that must cover every endpoint (none listed by hand).</summary>
public static class RouteTable
{
    public static readonly string[] StateChangingMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>One request a test can send: the method and a URL that the endpoint's pattern matches.</summary>
    public sealed record Route(string Method, string Url, string Pattern, bool IsPage)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    /// <summary>
    /// Every state-changing (method, URL) of the route table: each endpoint by its declared methods, and by POST an
    /// endpoint that declares none, which answers every method (pages, whose handlers are chosen inside; the hubs).
    /// </summary>
    public static IReadOnlyList<Route> StateChanging(EofficeApp app, Func<string, string?>? valueOf = null) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => MethodsOf(endpoint).Select(method => new Route(method, UrlOf(endpoint.RoutePattern, valueOf), endpoint.RoutePattern.RawText ?? "",
                endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The API's operations as the API explorer (and so the OpenAPI document) reads them from the route table.</summary>
    public static IReadOnlyList<ApiDescription> ApiOperations(EofficeApp app) =>
        app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal).ThenBy(d => d.HttpMethod, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A URL the pattern matches: literal segments as they are, each parameter from <paramref name="valueOf"/> (by name)
    /// or a value its constraint accepts (a new guid, 1 for numbers, "x" otherwise).
    /// </summary>
    public static string UrlOf(RoutePattern pattern, Func<string, string?>? valueOf = null) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => valueOf?.Invoke(parameter.Name) ?? SampleOf(parameter),
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}."),
        }))));

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
            ? methods.HttpMethods.Intersect(StateChangingMethods, StringComparer.OrdinalIgnoreCase)
            : [HttpMethods.Post];

    private static string SampleOf(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints.Contains("guid") ? Guid.NewGuid().ToString()
            : constraints.Any(c => c is "int" or "long") ? "1"
            : "x";
    }
}
