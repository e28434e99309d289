using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Search.Data;

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable("search_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasMaxLength(SearchEntry.KindMaxLength);
        builder.Property(e => e.Title).HasMaxLength(SearchEntry.TitleMaxLength);
        builder.Property(e => e.Code).HasMaxLength(SearchEntry.CodeMaxLength);
        builder.Property(e => e.Url).HasMaxLength(SearchEntry.UrlMaxLength);
        builder.Property(e => e.TypeCode).HasMaxLength(SearchEntry.CodeValueMaxLength);
        builder.Property(e => e.TypeName).HasMaxLength(SearchEntry.NameMaxLength);
        builder.Property(e => e.Organ).HasMaxLength(SearchEntry.OrganMaxLength);
        builder.Property(e => e.RegisterName).HasMaxLength(SearchEntry.NameMaxLength);
        builder.Property(e => e.UnitName).HasMaxLength(SearchEntry.NameMaxLength);
        builder.Property(e => e.State).HasMaxLength(SearchEntry.CodeValueMaxLength);
        builder.Property(e => e.StateName).HasMaxLength(SearchEntry.NameMaxLength);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.HasIndex(e => new { e.Kind, e.ItemId }).IsUnique();
        builder.HasIndex(e => new { e.AgencyId, e.Date, e.Id });
        builder.HasOne(e => e.Text).WithOne().HasForeignKey<SearchEntryText>(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Readers).WithOne().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Files).WithOne().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Codes).WithOne().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SearchEntryTextConfiguration : IEntityTypeConfiguration<SearchEntryText>
{
    public void Configure(EntityTypeBuilder<SearchEntryText> builder)
    {
        builder.ToTable("search_entry_texts");
        builder.HasKey(t => t.EntryId);
        builder.Property(t => t.EntryId).ValueGeneratedNever();
    }
}

internal sealed class SearchEntryReaderConfiguration : IEntityTypeConfiguration<SearchEntryReader>
{
    public void Configure(EntityTypeBuilder<SearchEntryReader> builder)
    {
        builder.ToTable("search_entry_readers");
        builder.HasKey(r => new { r.EntryId, r.PrincipalId });
        builder.HasIndex(r => new { r.PrincipalId, r.EntryId });
    }
}

internal sealed class SearchEntryFileConfiguration : IEntityTypeConfiguration<SearchEntryFile>
{
    public void Configure(EntityTypeBuilder<SearchEntryFile> builder)
    {
        builder.ToTable("search_entry_files");
        builder.HasKey(f => new { f.EntryId, f.FileId });
        builder.HasIndex(f => f.FileId);
    }
}

/// <summary>The codes' b-tree: its index on the code is per provider (<see cref="SearchIndexSchema.CodeIndex"/>).</summary>
internal sealed class SearchEntryCodeConfiguration : IEntityTypeConfiguration<SearchEntryCode>
{
    public void Configure(EntityTypeBuilder<SearchEntryCode> builder)
    {
        builder.ToTable("search_entry_codes");
        builder.HasKey(c => new { c.EntryId, c.Code });
        builder.Property(c => c.Code).HasMaxLength(SearchEntryCode.CodeMaxLength);
    }
}
