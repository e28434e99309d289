using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// The one EF model of eOffice. Each module contributes its entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its own Data folder; tables are prefixed per module.
/// </summary>
public sealed class EofficeDbContext(DbContextOptions<EofficeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EofficeDbContext).Assembly);
        SchemaNaming.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
