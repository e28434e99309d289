using Eoffice.Web.Modules.Cabinet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Cabinet.Data;

internal sealed class CabinetFolderConfiguration : IEntityTypeConfiguration<CabinetFolder>
{
    public void Configure(EntityTypeBuilder<CabinetFolder> builder)
    {
        builder.ToTable("cabinet_folders");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(CabinetFolder.NameMaxLength);
        builder.Property(f => f.RootKey).HasMaxLength(60);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.AgencyId, f.RootKey }).IsUnique();
        builder.HasIndex(f => f.ParentId);
    }
}

internal sealed class CabinetFileConfiguration : IEntityTypeConfiguration<CabinetFile>
{
    public void Configure(EntityTypeBuilder<CabinetFile> builder)
    {
        builder.ToTable("cabinet_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(CabinetFile.NameMaxLength);
        builder.Property(f => f.AuthorName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Version).IsConcurrencyToken();

        // The folder's list: live files by name, one index range (issue 14 §7, 10,000 files in p95 ≤ 50 ms).
        builder.HasIndex(f => new { f.FolderId, f.DeletedAt, f.Name });
        builder.HasIndex(f => new { f.FolderId, f.DeletedAt, f.UpdatedAt });
        builder.HasIndex(f => new { f.AgencyId, f.DeletedAt });
        builder.HasOne<CabinetFolder>().WithMany().HasForeignKey(f => f.FolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FileId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CabinetFileVersionConfiguration : IEntityTypeConfiguration<CabinetFileVersion>
{
    public void Configure(EntityTypeBuilder<CabinetFileVersion> builder)
    {
        builder.ToTable("cabinet_file_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ContentType).HasMaxLength(100);
        builder.Property(v => v.FileName).HasMaxLength(CabinetFile.NameMaxLength);
        builder.HasIndex(v => new { v.FileId, v.Number }).IsUnique();
    }
}

internal sealed class CabinetGrantConfiguration : IEntityTypeConfiguration<CabinetGrant>
{
    public void Configure(EntityTypeBuilder<CabinetGrant> builder)
    {
        builder.ToTable("cabinet_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Role).HasMaxLength(50);
        builder.HasIndex(g => g.AgencyId);
        builder.HasIndex(g => g.FileId);
    }
}

internal sealed class CabinetUnitStorageConfiguration : IEntityTypeConfiguration<CabinetUnitStorage>
{
    public void Configure(EntityTypeBuilder<CabinetUnitStorage> builder)
    {
        builder.ToTable("cabinet_unit_storage");
        builder.HasKey(s => s.UnitId);
        builder.Property(s => s.UnitId).ValueGeneratedNever();
        builder.HasIndex(s => s.AgencyId);
    }
}
