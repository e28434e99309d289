using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.OpenApi;

/// <summary>
/// One HTTP operation of the app's route table under /api/, with what its endpoint binds and answers as JSON — read
/// from the endpoint metadata the framework derives from the handler's signature, not from the OpenAPI document.
/// </summary>
internal sealed record ApiOperation(string Method, string Path, RouteEndpoint Endpoint)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>The type of the JSON body parameter, if the handler binds one.</summary>
    public Type? JsonBodyType => Endpoint.Metadata.OfType<IAcceptsMetadata>()
        .LastOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(ApiContract.IsJson))?.RequestType;

    /// <summary>The JSON answers the endpoint declares (typed results, Produces…), one type per status code.</summary>
    public IReadOnlyList<(int Status, Type Type)> JsonResponses => Endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
        .Where(p => p.Type is not null && p.Type != typeof(void) && p.ContentTypes.Any(ApiContract.IsJson))
        .GroupBy(p => p.StatusCode)
        .Select(g => (g.Key, g.Last().Type!))
        .ToList();

    /// <summary>The operation's object in the OpenAPI document, or null when the document lacks it.</summary>
    public JsonElement? In(JsonElement document) =>
        document.GetProperty("paths").TryGetProperty(Path, out var path) && path.TryGetProperty(Method.ToLowerInvariant(), out var operation)
            ? operation
            : null;
}

internal static class ApiContract
{
    private static readonly BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;

    public static bool IsJson(string contentType) =>
        contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every operation under /api/ that is not excluded from the description, as the route table has it.</summary>
    public static IReadOnlyList<ApiOperation> Operations(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Select(e => (Endpoint: e, Path: DocumentPath(e.RoutePattern)))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => new ApiOperation(method, e.Path, e.Endpoint)))
            .ToList();

    /// <summary>The path as OpenAPI writes it: parameters without constraints, no trailing slash.</summary>
    public static string DocumentPath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => throw new InvalidOperationException($"Unknown route part {part.GetType().Name}"),
        })));
        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// The JSON properties of a type under System.Text.Json's web defaults: public readable instance properties (and
    /// fields marked [JsonInclude]), camelCase unless [JsonPropertyName] says otherwise, without [JsonIgnore] (always)
    /// and [JsonExtensionData] members.
    /// </summary>
    public static IReadOnlyList<(string Name, Type Type)> JsonProperties(Type type)
    {
        var properties = type.GetProperties(Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Select(p => (Member: (MemberInfo)p, p.PropertyType));
        var fields = type.GetFields(Instance)
            .Where(f => f.GetCustomAttribute<JsonIncludeAttribute>() is not null)
            .Select(f => (Member: (MemberInfo)f, f.FieldType));
        return properties.Concat(fields)
            .Where(m => m.Member.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Where(m => m.Member.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
            .Select(m => (m.Member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(m.Member.Name),
                m.Item2))
            .ToList();
    }

    /// <summary>The element type of a JSON array (any enumerable but string), or null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return Enumerables(type).Select(i => i.GetGenericArguments()[0]).FirstOrDefault();
    }

    /// <summary>The value type of a JSON object used as a map (a dictionary with string-like keys), or null.</summary>
    public static Type? DictionaryValueType(Type type) =>
        SelfAndInterfaces(type)
            .FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>)
                || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    private static IEnumerable<Type> Enumerables(Type type) =>
        SelfAndInterfaces(type).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));

    private static IEnumerable<Type> SelfAndInterfaces(Type type) => type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
}
