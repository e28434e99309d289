using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Eoffice.IntegrationTests.Platform.OpenApi;

/// <summary>
/// Compares .NET types, as System.Text.Json (web defaults) writes them, with schemas of an OpenAPI document: property
/// names of objects, recursively into nested objects, array items and map values; and the JSON type and format of
/// scalars (numbers as numbers, Guid/DateOnly/TimeOnly/DateTime as formatted strings, enums with their values).
/// </summary>
internal sealed class SchemaComparison(JsonElement document)
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly HashSet<(Type Type, string SchemaId)> compared = [];

    public List<string> Failures { get; } = [];

    /// <summary>How many object schemas were compared property by property (so a test can tell it checked something).</summary>
    public int ObjectsCompared { get; private set; }

    public void Compare(Type type, JsonElement schema, string where)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var (resolved, schemaId) = Resolve(schema);
        if (resolved is not { } s)
        {
            Failures.Add($"{where}: {Name(type)} has no resolvable schema ({Shorten(schema)})");
            return;
        }

        // A referenced schema is compared once per type; a type meeting another type's schema is still compared.
        if (schemaId is not null && !compared.Add((type, schemaId)))
        {
            return;
        }

        var label = $"{where} ({Name(type)}, schema {schemaId ?? "inline"})";
        if (type == typeof(object) || typeof(JsonElement) == type || typeof(JsonNode).IsAssignableFrom(type))
        {
            return;
        }

        if (type.IsEnum)
        {
            CompareEnum(type, s, label);
            return;
        }

        if (Scalar(type) is var (jsonType, format))
        {
            ExpectType(s, jsonType, label);
            if (format is not null && (!s.TryGetProperty("format", out var actual) || actual.GetString() != format))
            {
                Failures.Add($"{label}: format should be '{format}', is '{(s.TryGetProperty("format", out var f) ? f.GetString() : null)}'");
            }

            return;
        }

        if (ApiContract.DictionaryValueType(type) is { } valueType)
        {
            ExpectType(s, "object", label);
            if (s.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                Compare(valueType, values, where + "{}");
            }
            else
            {
                Failures.Add($"{label}: a map should describe its values (additionalProperties)");
            }

            return;
        }

        if (ApiContract.ElementType(type) is { } elementType)
        {
            ExpectType(s, "array", label);
            if (s.TryGetProperty("items", out var items))
            {
                Compare(elementType, items, where + "[]");
            }

            return;
        }

        ObjectsCompared++;
        var expected = ApiContract.JsonProperties(type);
        var described = s.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
            : [];
        var missing = expected.Select(p => p.Name).Where(n => !described.ContainsKey(n)).ToList();
        var unexpected = described.Keys.Where(n => expected.All(p => p.Name != n)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            Failures.Add($"{label}: missing [{string.Join(", ", missing)}], not in the type [{string.Join(", ", unexpected)}]");
        }

        foreach (var (name, propertyType) in expected)
        {
            if (described.TryGetValue(name, out var propertySchema))
            {
                Compare(propertyType, propertySchema, $"{where}.{name}");
            }
        }
    }

    /// <summary>The schema behind references and nullable wrappers (oneOf/anyOf with a "null" branch).</summary>
    private (JsonElement? Schema, string? Id) Resolve(JsonElement schema)
    {
        string? id = null;
        for (var depth = 0; depth < 16; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var target = reference.GetString()!;
                if (!target.StartsWith(ComponentPrefix, StringComparison.Ordinal)
                    || !document.GetProperty("components").GetProperty("schemas").TryGetProperty(target[ComponentPrefix.Length..], out var component))
                {
                    return (null, target);
                }

                id = target[ComponentPrefix.Length..];
                schema = component;
                continue;
            }

            var branches = new[] { "oneOf", "anyOf", "allOf" }
                .Where(k => schema.TryGetProperty(k, out _))
                .SelectMany(k => schema.GetProperty(k).EnumerateArray())
                .Where(b => !IsNullSchema(b))
                .ToList();
            if (branches.Count == 1 && !schema.TryGetProperty("properties", out _))
            {
                schema = branches[0];
                continue;
            }

            return (schema, id);
        }

        return (null, id);
    }

    private static bool IsNullSchema(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private void ExpectType(JsonElement schema, string jsonType, string label)
    {
        var types = Types(schema);
        if (types.Count != 1 || types[0] != jsonType)
        {
            Failures.Add($"{label}: type should be '{jsonType}', is [{string.Join(", ", types)}]");
        }
    }

    /// <summary>The schema's JSON types other than "null" ("type" may be one name or an array of names).</summary>
    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList()
        : type.GetString() is "null" or null ? [] : [type.GetString()!];

    private void CompareEnum(Type type, JsonElement schema, string label)
    {
        var asString = type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is { IsGenericType: true } converter
            && converter.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>);
        var expected = asString
            ? type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name).ToList()
            : Enum.GetValues(type).Cast<object>()
                .Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
        ExpectType(schema, asString ? "string" : "integer", label);
        var described = schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.ToString()).ToList()
            : [];
        if (!described.Order().SequenceEqual(expected.Order()))
        {
            Failures.Add($"{label}: enum should list [{string.Join(", ", expected)}], lists [{string.Join(", ", described)}]");
        }
    }

    /// <summary>The JSON type and (where one is defined) format System.Text.Json gives a scalar .NET type.</summary>
    private static (string Type, string? Format)? Scalar(Type type)
    {
        if (type == typeof(string) || type == typeof(char) || type == typeof(Uri) || type == typeof(byte[]) || type == typeof(TimeSpan))
        {
            return ("string", null);
        }

        if (type == typeof(Guid))
        {
            return ("string", "uuid");
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return ("string", "date-time");
        }

        if (type == typeof(DateOnly))
        {
            return ("string", "date");
        }

        if (type == typeof(TimeOnly))
        {
            return ("string", "time");
        }

        if (type == typeof(bool))
        {
            return ("boolean", null);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte))
        {
            return ("integer", null);
        }

        if (type == typeof(float) || type == typeof(double) || type == typeof(decimal))
        {
            return ("number", null);
        }

        return null;
    }

    private static string Shorten(JsonElement schema)
    {
        var text = schema.GetRawText();
        return text.Length <= 120 ? text : text[..120] + "…";
    }

    /// <summary>A type's C# name with its declaring types and generic arguments, for messages.</summary>
    public static string Name(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        if (type.IsGenericType)
        {
            name += "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return type.DeclaringType is { } declaring && !type.IsGenericParameter ? Name(declaring) + "." + name : name;
    }
}
