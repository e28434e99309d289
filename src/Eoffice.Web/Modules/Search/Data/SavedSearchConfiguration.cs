using Eoffice.Web.Modules.Search.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Search.Data;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("search_saved");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.NameMaxLength);
        builder.Property(s => s.Query).HasMaxLength(SavedSearch.QueryMaxLength);
        builder.Property(s => s.Columns).HasMaxLength(SavedSearch.ColumnsMaxLength);
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
    }
}
