using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// snake_case names for columns, keys and indexes, so that the schema reads the same on SQLite and PostgreSQL
/// and hand-written migrations and raw SQL can name things without quoting.
/// </summary>
public static class SchemaNaming
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            // A column named in its configuration (an owner column shared by a base class, document_id) keeps its name;
            // a complex type's columns are named after their own properties, without the complex property's prefix.
            foreach (var property in entity.GetProperties())
            {
                NameColumn(property);
            }

            foreach (var complex in entity.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    NameColumn(property);
                }
            }

            foreach (var key in entity.GetKeys().Where(k => k.IsPrimaryKey()))
            {
                key.SetName($"pk_{table}");
            }

            foreach (var key in entity.GetKeys().Where(k => !k.IsPrimaryKey()))
            {
                key.SetName($"ak_{table}_{Columns(key.Properties)}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName($"fk_{table}_{Columns(foreignKey.Properties)}");
            }

            // An index given a name in its configuration (HasIndex(…, name), e.g. two partial indexes over the same
            // columns) keeps it.
            foreach (var index in entity.GetIndexes().Where(i => i.Name is null))
            {
                index.SetDatabaseName($"ix_{table}_{Columns(index.Properties)}");
            }
        }
    }

    private static void NameColumn(IMutableProperty property)
    {
        if (((IConventionProperty)property).GetColumnNameConfigurationSource() != ConfigurationSource.Explicit)
        {
            property.SetColumnName(ToSnakeCase(property.Name));
        }
    }

    private static string Columns(IEnumerable<IMutableProperty> properties) =>
        string.Join('_', properties.Select(p => p.GetColumnName()));

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && (previousIsLower || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
