using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Eoffice.Bench;

/// <summary>
/// The row the app's EF model would write for an entity, read from the model itself: the table, every mapped column
/// (those of complex properties such as <c>Metadata</c> included) and each value through the property's value converter
/// (enums as numbers, JSON lists as text). An identity key is left to the database. Used to bulk-load aggregates built by
/// the real domain code, so that the columns hold exactly what the app writes.
/// </summary>
internal sealed class EntityRows<T>
    where T : class
{
    private readonly List<Func<T, object?>> values = [];

    public EntityRows(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = type.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(Table, type.GetSchema());
        var columns = new List<string>();

        void Add(IProperty property, Func<T, object?> read)
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is a shadow property.");
            }

            var converter = property.GetTypeMapping().Converter;
            columns.Add(property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column in {Table}."));
            values.Add(converter is null
                ? read
                : entity => read(entity) is { } value ? converter.ConvertToProvider(value) : null);
        }

        foreach (var property in type.GetProperties())
        {
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long))
            {
                continue; // an identity column: the database numbers the rows
            }

            var getter = property.GetGetter();
            Add(property, entity => getter.GetClrValueUsingContainingEntity(entity));
        }

        foreach (var complex in type.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                Add(property, entity => getter.GetClrValueUsingContainingEntity(entity));
            }
        }

        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    public object?[] Row(T entity)
    {
        var row = new object?[values.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = values[i](entity);
        }

        return row;
    }
}
