using Eoffice.Web.Modules.Dossiers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Dossiers.Data;

internal sealed class FilePlanConfiguration : IEntityTypeConfiguration<FilePlan>
{
    public void Configure(EntityTypeBuilder<FilePlan> builder)
    {
        builder.ToTable("dossiers_file_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.SubmittedByName).HasMaxLength(FilePlan.NameMaxLength);
        builder.Property(p => p.ApprovedByName).HasMaxLength(FilePlan.NameMaxLength);
        builder.Property(p => p.ReturnedByName).HasMaxLength(FilePlan.NameMaxLength);
        builder.Property(p => p.ReturnReason).HasMaxLength(FilePlan.ReasonMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.AgencyId, p.Year }).IsUnique();
        builder.HasMany(p => p.Headings).WithOne().HasForeignKey(h => h.FilePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.FilePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Headings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FilePlanHeadingConfiguration : IEntityTypeConfiguration<FilePlanHeading>
{
    public void Configure(EntityTypeBuilder<FilePlanHeading> builder)
    {
        builder.ToTable("dossiers_file_plan_headings");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Title).HasMaxLength(FilePlan.TitleMaxLength);
        builder.Property(h => h.Abbreviation).HasMaxLength(FilePlan.AbbreviationMaxLength);
        builder.HasIndex(h => h.FilePlanId);
    }
}

internal sealed class FilePlanEntryConfiguration : IEntityTypeConfiguration<FilePlanEntry>
{
    public void Configure(EntityTypeBuilder<FilePlanEntry> builder)
    {
        builder.ToTable("dossiers_file_plan_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Code).HasMaxLength(FilePlanEntry.CodeMaxLength);
        builder.Property(e => e.Title).HasMaxLength(FilePlan.TitleMaxLength);
        builder.Property(e => e.Notes).HasMaxLength(FilePlan.NotesMaxLength);
        builder.Ignore(e => e.Retention);
        builder.Ignore(e => e.Content);
        builder.HasIndex(e => e.FilePlanId);
        builder.HasIndex(e => e.HeadingId);
        builder.HasOne<FilePlanHeading>().WithMany().HasForeignKey(e => e.HeadingId).OnDelete(DeleteBehavior.Restrict);
    }
}
