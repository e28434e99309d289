using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Eoffice.Web.Platform.Data;

public static class MigrationExtensions
{
    /// <summary>
    /// An auto-numbered key column on both providers (SQLite AUTOINCREMENT, PostgreSQL identity), matching what the
    /// EF model generates for an integer key. Each provider reads only its own annotation.
    /// </summary>
    public static OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> Identity(
        this OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy",
                Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
