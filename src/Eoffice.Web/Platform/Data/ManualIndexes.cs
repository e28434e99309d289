using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Data;

/// <summary>An index the EF model cannot express (over a complex type's columns), created by a migration.</summary>
public sealed record ManualIndex(string Name, string Table, IReadOnlyList<string> Columns, bool IsUnique = false, string? Filter = null)
{
    public string CreateSql() =>
        $"CREATE {(IsUnique ? "UNIQUE " : "")}INDEX \"{Name}\" ON \"{Table}\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))})"
        + (Filter is null ? "" : $" WHERE {Filter}");
}

/// <summary>
/// Indexes declared beside the entity they serve but kept out of EF's index model, because EF Core 10 cannot index the
/// columns of a complex property (efcore#31246, lifted in EF Core 11): a document's metadata is one value object, and
/// its lists still need (agency, status, urgency, arrival, id). The migrations create them (by name); the schema test
/// adds them to the schema EF creates, so that the model and the migrated schema still have to agree on everything.
/// </summary>
public static class ManualIndexes
{
    private const string Annotation = "Eoffice:ManualIndexes";

    /// <summary>Declares an index over columns of <typeparamref name="T"/>'s table, by column name.</summary>
    public static EntityTypeBuilder<T> HasManualIndex<T>(this EntityTypeBuilder<T> builder, string name, string[] columns, bool isUnique = false,
        string? filter = null)
        where T : class
    {
        var table = builder.Metadata.GetTableName() ?? throw new InvalidOperationException("Map the table before declaring its indexes.");
        var declared = builder.Metadata.FindAnnotation(Annotation)?.Value as List<ManualIndex> ?? [];
        declared.Add(new ManualIndex(name, table, columns, isUnique, filter));
        builder.HasAnnotation(Annotation, declared);
        return builder;
    }

    public static IReadOnlyList<ManualIndex> Of(IModel model) =>
        model.GetEntityTypes().SelectMany(e => e.FindAnnotation(Annotation)?.Value as List<ManualIndex> ?? []).ToList();

    /// <summary>Creates every declared index in a database built from the model (<c>EnsureCreated</c>, in tests).</summary>
    public static async Task CreateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        foreach (var index in Of(db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(index.CreateSql(), cancellationToken);
        }
    }
}
