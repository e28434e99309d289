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

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("dossiers_dossiers");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OrganId).HasMaxLength(Dossier.OrganIdMaxLength);
        builder.Property(d => d.Notation).HasMaxLength(Dossier.NotationMaxLength);
        builder.Property(d => d.Title).HasMaxLength(Dossier.TitleMaxLength);
        builder.Property(d => d.Rights).HasMaxLength(Dossier.RightsMaxLength);
        builder.Property(d => d.Creator).HasMaxLength(Dossier.CreatorMaxLength);
        builder.Property(d => d.Language).HasMaxLength(Dossier.LanguageMaxLength);
        builder.Property(d => d.Description).HasMaxLength(Dossier.DescriptionMaxLength);
        builder.Property(d => d.Keywords).HasMaxLength(Dossier.KeywordsMaxLength);
        builder.Property(d => d.PhysicalState).HasMaxLength(Dossier.PhysicalStateMaxLength);
        builder.Property(d => d.ClosedByName).HasMaxLength(Dossier.NameMaxLength);
        builder.Property(d => d.ReopenReason).HasMaxLength(Dossier.ReasonMaxLength);
        builder.Property(d => d.ReopenedByName).HasMaxLength(Dossier.NameMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.ConstructionRecords).HasDefaultValue(false); // added to existing rows by M0053
        builder.Property(d => d.KeepBackReason).HasMaxLength(Dossier.ReasonMaxLength);
        builder.Property(d => d.KeepBackApprovedByName).HasMaxLength(Dossier.NameMaxLength);
        builder.Ignore(d => d.Retention);
        builder.Ignore(d => d.FileCode);
        builder.Ignore(d => d.MustBeTransferred);
        builder.Ignore(d => d.TransferDueBase);
        builder.Ignore(d => d.ExpiresOn);
        builder.HasIndex(d => new { d.AgencyId, d.Status });
        builder.HasIndex(d => d.ArchiveTransferId);
        builder.HasIndex(d => new { d.AgencyId, d.UnitId });
        builder.HasIndex(d => d.OwnerId);
        builder.HasIndex(d => d.FilePlanEntryId);
        builder.HasIndex(d => d.ParentId);
        builder.HasMany(d => d.Items).WithOne().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Grants).WithOne().HasForeignKey(g => g.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DossierItemConfiguration : IEntityTypeConfiguration<DossierItem>
{
    public void Configure(EntityTypeBuilder<DossierItem> builder)
    {
        builder.ToTable("dossiers_dossier_items");
        builder.HasIndex(i => new { i.DossierId, i.Ordinal });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasMaxLength(DossierItem.KindMaxLength);
        builder.Property(i => i.Title).HasMaxLength(DossierItem.TitleMaxLength);
        builder.Property(i => i.Code).HasMaxLength(DossierItem.CodeMaxLength);
        builder.Property(i => i.FiledByName).HasMaxLength(Dossier.NameMaxLength);
        builder.HasIndex(i => new { i.DossierId, i.Kind, i.ItemId }).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.ItemId });
    }
}

internal sealed class DossierGrantConfiguration : IEntityTypeConfiguration<DossierGrant>
{
    public void Configure(EntityTypeBuilder<DossierGrant> builder)
    {
        builder.ToTable("dossiers_dossier_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasIndex(g => new { g.DossierId, g.Kind, g.PrincipalId }).IsUnique();
        builder.HasIndex(g => g.PrincipalId);
    }
}

internal sealed class ArchiveTransferConfiguration : IEntityTypeConfiguration<ArchiveTransfer>
{
    public void Configure(EntityTypeBuilder<ArchiveTransfer> builder)
    {
        builder.ToTable("dossiers_archive_transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.DeliveredByName).HasMaxLength(ArchiveTransfer.NameMaxLength);
        builder.Property(t => t.Note).HasMaxLength(ArchiveTransfer.NoteMaxLength);
        builder.Property(t => t.CreatedByName).HasMaxLength(ArchiveTransfer.NameMaxLength);
        builder.Property(t => t.CompletedByName).HasMaxLength(ArchiveTransfer.NameMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.AgencyId, t.Status });
        builder.HasMany(t => t.Dossiers).WithOne().HasForeignKey(d => d.ArchiveTransferId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Dossiers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ArchiveTransferDossierConfiguration : IEntityTypeConfiguration<ArchiveTransferDossier>
{
    public void Configure(EntityTypeBuilder<ArchiveTransferDossier> builder)
    {
        builder.ToTable("dossiers_archive_transfer_dossiers");
        builder.HasKey(d => new { d.ArchiveTransferId, d.DossierId });
        builder.HasIndex(d => d.DossierId);
    }
}

internal sealed class DossierDestructionConfiguration : IEntityTypeConfiguration<DossierDestruction>
{
    public void Configure(EntityTypeBuilder<DossierDestruction> builder)
    {
        builder.ToTable("dossiers_destructions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DecisionNumber).HasMaxLength(DossierDestruction.NumberMaxLength);
        builder.Property(d => d.DecidedByName).HasMaxLength(DossierDestruction.NameMaxLength);
        builder.Property(d => d.Council).HasMaxLength(DossierDestruction.CouncilMaxLength);
        builder.Property(d => d.RecordedByName).HasMaxLength(DossierDestruction.NameMaxLength);
        builder.HasIndex(d => d.AgencyId);
        builder.HasMany(d => d.Dossiers).WithOne().HasForeignKey(x => x.DestructionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Dossiers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DestroyedDossierConfiguration : IEntityTypeConfiguration<DestroyedDossier>
{
    public void Configure(EntityTypeBuilder<DestroyedDossier> builder)
    {
        builder.ToTable("dossiers_destroyed_dossiers");
        builder.HasKey(d => new { d.DestructionId, d.DossierId });
        builder.Property(d => d.FileCode).HasMaxLength(DestroyedDossier.FileCodeMaxLength);
        builder.Property(d => d.Title).HasMaxLength(Dossier.TitleMaxLength);
        builder.Property(d => d.RetentionText).HasMaxLength(Dossier.MaintenanceMaxLength);
        builder.HasIndex(d => d.DossierId);
    }
}

internal sealed class DossierHandoverConfiguration : IEntityTypeConfiguration<DossierHandover>
{
    public void Configure(EntityTypeBuilder<DossierHandover> builder)
    {
        builder.ToTable("dossiers_handovers");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.FromName).HasMaxLength(DossierHandover.NameMaxLength);
        builder.Property(h => h.ToName).HasMaxLength(DossierHandover.NameMaxLength);
        builder.HasIndex(h => h.AgencyId);
        builder.HasMany(h => h.Dossiers).WithOne().HasForeignKey(x => x.HandoverId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Dossiers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DossierHandoverEntryConfiguration : IEntityTypeConfiguration<DossierHandoverEntry>
{
    public void Configure(EntityTypeBuilder<DossierHandoverEntry> builder)
    {
        builder.ToTable("dossiers_handover_dossiers");
        builder.HasKey(d => new { d.HandoverId, d.DossierId });
        builder.Property(d => d.Notation).HasMaxLength(Dossier.NotationMaxLength);
        builder.Property(d => d.Title).HasMaxLength(Dossier.TitleMaxLength);
        builder.HasIndex(d => d.DossierId);
    }
}
