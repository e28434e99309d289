using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// A small list stored as JSON text in one column (an approval chain's steps, a draft's "Nơi nhận" lines), the same on
/// both providers; compared by value so that changing an element is saved.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property, int? maxLength = null)
    {
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                s => string.IsNullOrEmpty(s) ? new List<T>() : JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!))
            .IsRequired();
        if (maxLength is { } max)
        {
            property.HasMaxLength(max);
        }

        return property;
    }
}
