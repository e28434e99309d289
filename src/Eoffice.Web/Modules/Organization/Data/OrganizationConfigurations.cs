using Eoffice.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Organization.Data;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("organization_agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Code).HasMaxLength(35);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.FullName).HasMaxLength(300);
        builder.Property(a => a.ShortName).HasMaxLength(50);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.Phone).HasMaxLength(50);
        builder.Property(a => a.Email).HasMaxLength(256);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("organization_units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(300);
        builder.Property(u => u.Code).HasMaxLength(20);
        builder.Property(u => u.Phone).HasMaxLength(50);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.HasIndex(u => new { u.AgencyId, u.ParentId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("organization_positions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(150);
        builder.HasIndex(p => new { p.AgencyId, p.Name }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
