using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.OpenApi;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// /openapi/v1.json: the /api/ endpoints, described so that a client generated from it sends and reads the real bodies
/// (ADR 0011). Everything is derived from the types and endpoint metadata, nothing lists today's properties.
/// </summary>
public static partial class OpenApiSetup
{
    private const string ProblemDetailsSchemaId = nameof(ProblemDetails);

    /// <summary>Names of read-only properties whose schema becomes a reference, carried to the document transformer.</summary>
    private const string ReadOnlyReferencesKey = "x-eoffice-read-only-references";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.CreateSchemaReferenceId = new SchemaIds().Create;
        options.AddSchemaTransformer(DescribeAsSerialized);
        options.AddOperationTransformer(DescribeFileAnswers);
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            document.Info.Title = "eOffice API";
            document.Info.Description = "JSON API of eOffice (văn phòng điện tử). Errors are RFC 9457 problem details.";
            document.Info.Version = "v1";
            MarkReadOnlyReferences(document);
            await AddDefaultProblemAnswersAsync(document, context, cancellationToken);
        });
    }

    /// <summary>
    /// Schema ids from the C# type with its declaring types and generic arguments: <c>RegisterIncoming.Request</c> is
    /// <c>RegisterIncomingRequest</c>, <c>Page&lt;NotificationDto&gt;</c> is <c>PageOfNotificationDto</c>. The framework's
    /// default uses the bare name, so the many nested <c>Request</c> records shared one schema. Two types reaching the
    /// same id would again describe one with the other's properties: that throws instead of answering a wrong document.
    /// </summary>
    internal sealed partial class SchemaIds
    {
        private readonly ConcurrentDictionary<string, Type> owners = new(StringComparer.Ordinal);

        public string? Create(JsonTypeInfo typeInfo)
        {
            var fallback = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
            if (fallback is null)
            {
                return null; // primitives, arrays and maps are inlined
            }

            var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
            var id = Readable(type) is { } readable && ValidId().IsMatch(readable) ? readable : fallback;
            var owner = owners.GetOrAdd(id, type);
            return owner == type
                ? id
                : throw new InvalidOperationException($"OpenAPI schema id '{id}' would describe both {owner.FullName} and {type.FullName}; rename one of them.");
        }

        /// <summary>The id of a type, or null for compiler-generated (anonymous) types, which keep the framework's id.</summary>
        public static string? Readable(Type type)
        {
            if (type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            {
                return null;
            }

            if (type.IsArray)
            {
                return Readable(type.GetElementType()!) is { } element ? "ArrayOf" + element : null;
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
            return Chain(type, type.IsGenericType ? type.GetGenericArguments() : []);
        }

        /// <summary>Declaring types first; a nested type's generic arguments list its declaring types' arguments first.</summary>
        private static string? Chain(Type type, Type[] arguments)
        {
            var name = type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            var ownCount = tick < 0 ? 0 : int.Parse(name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            name = tick < 0 ? name : name[..tick];
            var outerCount = arguments.Length - ownCount;
            var prefix = type.DeclaringType is { } declaring ? Chain(declaring, arguments[..outerCount]) : string.Empty;
            if (prefix is null)
            {
                return null;
            }

            if (ownCount == 0)
            {
                return prefix + name;
            }

            var argumentIds = arguments[outerCount..].Select(Readable).ToList();
            return argumentIds.Any(a => a is null) ? null : prefix + name + "Of" + string.Join("And", argumentIds);
        }

        [GeneratedRegex("^[A-Za-z0-9._-]+$")]
        private static partial Regex ValidId();
    }

    /// <summary>
    /// Schemas as System.Text.Json writes them: numbers are numbers (the web defaults also read numbers from strings,
    /// which the framework describes as "integer or string" — clients then generate untyped properties); enums written as
    /// numbers list their values and names; enums written as strings say they are strings; a get-only property that no
    /// constructor parameter binds is read-only (sent in answers, ignored in requests).
    /// </summary>
    private static Task DescribeAsSerialized(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var clrType = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (clrType.IsEnum)
        {
            DescribeEnum(schema, clrType);
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { } properties)
        {
            var readOnly = context.JsonTypeInfo.Properties.Where(p => p is { Set: null, AssociatedParameter: null } && properties.ContainsKey(p.Name))
                .Select(p => p.Name).ToList();
            foreach (var name in readOnly)
            {
                if (properties[name] is OpenApiSchema inline)
                {
                    inline.ReadOnly = true;
                }
            }

            if (readOnly.Count > 0)
            {
                // An object-typed property becomes a $ref only after this transformer; the document transformer marks it.
                schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                schema.Extensions[ReadOnlyReferencesKey] = new JsonNodeExtension(new JsonArray(readOnly.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()));
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeEnum(OpenApiSchema schema, Type enumType)
    {
        var names = Enum.GetNames(enumType);
        if (schema.Enum is { Count: > 0 })
        {
            // Written as strings (JsonStringEnumConverter): the framework lists the names but leaves the type out.
            schema.Type ??= JsonSchemaType.String;
            return;
        }

        if (schema.Type is { } type && (type & JsonSchemaType.Integer) != 0)
        {
            schema.Enum = Enum.GetValuesAsUnderlyingType(enumType).Cast<object>()
                .Select(v => (JsonNode)JsonValue.Create(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            // Member names for generators: NSwag reads x-enumNames, openapi-generator x-enum-varnames.
            schema.Extensions["x-enumNames"] = new JsonNodeExtension(new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()));
            schema.Extensions["x-enum-varnames"] = new JsonNodeExtension(new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()));
        }
    }

    private static void MarkReadOnlyReferences(OpenApiDocument document)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
        {
            if (schema.Extensions?.Remove(ReadOnlyReferencesKey, out var marked) != true || marked is not JsonNodeExtension { Node: JsonArray names })
            {
                continue;
            }

            foreach (var name in names.Select(n => n!.GetValue<string>()))
            {
                if (schema.Properties?.TryGetValue(name, out var property) == true && property is OpenApiSchemaReference reference)
                {
                    reference.Reference.ReadOnly = true;
                }
            }
        }
    }

    /// <summary>
    /// Endpoints answering a file (FileContentHttpResult, FileStreamHttpResult, alone or in <c>Results&lt;…&gt;</c>)
    /// describe their 200 as binary content, typed by the route's extension (.pdf, .xlsx) where it has one; request
    /// bodies read raw (Accepts&lt;byte[]&gt; with a file type) are binary too, not base64 text.
    /// </summary>
    private static Task DescribeFileAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (method is not null && ReturnsFile(method.ReturnType))
        {
            var contentType = new FileExtensionContentTypeProvider().TryGetContentType(context.Description.RelativePath ?? string.Empty, out var known)
                ? known
                : "application/octet-stream";
            operation.Responses ??= [];
            var ok = operation.Responses.TryGetValue("200", out var existing) && existing is OpenApiResponse response
                ? response
                : new OpenApiResponse { Description = "OK" };
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content.Clear();
            ok.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            operation.Responses["200"] = ok;
        }

        if (operation.RequestBody?.Content is { } bodies)
        {
            foreach (var (contentType, media) in bodies)
            {
                if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                    && !contentType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                    && media.Schema is { Type: JsonSchemaType.String, Format: "byte" })
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool ReturnsFile(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return type == typeof(FileContentHttpResult) || type == typeof(FileStreamHttpResult) || type == typeof(PhysicalFileHttpResult)
            || (typeof(INestedHttpResult).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments().Any(ReturnsFile));
    }

    /// <summary>
    /// Every /api/ error is a problem details document (exception handler, typed problems, 401/403 of the cookie
    /// events): operations say so as their "default" answer, so clients read it for codes not listed one by one.
    /// </summary>
    private static async Task AddDefaultProblemAnswersAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemDetailsSchemaId))
        {
            document.AddComponent(ProblemDetailsSchemaId, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd("default", new OpenApiResponse
            {
                Description = "Lỗi (RFC 9457 problem details).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemDetailsSchemaId, document) },
                },
            });
        }
    }
}
