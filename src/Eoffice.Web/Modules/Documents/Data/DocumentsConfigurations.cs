using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Documents.Data;

internal sealed class RegisterConfiguration : IEntityTypeConfiguration<Register>
{
    public void Configure(EntityTypeBuilder<Register> builder)
    {
        builder.ToTable("documents_registers");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(Register.NameMaxLength);
        builder.Property(r => r.Code).HasMaxLength(Register.CodeMaxLength);
        builder.HasIndex(r => new { r.AgencyId, r.Kind });
    }
}

internal sealed class RegisterKeeperConfiguration : IEntityTypeConfiguration<RegisterKeeper>
{
    public void Configure(EntityTypeBuilder<RegisterKeeper> builder)
    {
        builder.ToTable("documents_register_keepers");
        builder.HasKey(k => new { k.RegisterId, k.UserId });
        builder.HasIndex(k => k.UserId);
        builder.HasOne<Register>().WithMany().HasForeignKey(k => k.RegisterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncomingDocumentConfiguration : IEntityTypeConfiguration<IncomingDocument>
{
    public void Configure(EntityTypeBuilder<IncomingDocument> builder)
    {
        builder.ToTable("documents_incoming");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.RegisteredByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.TypeCode).HasMaxLength(20);
        builder.Property(d => d.TypeName).HasMaxLength(IncomingDocument.TypeNameMaxLength);
        builder.Property(d => d.CodeNumber).HasMaxLength(IncomingDocument.CodeNumberMaxLength);
        builder.Property(d => d.CodeNotation).HasMaxLength(IncomingDocument.CodeNotationMaxLength);
        builder.Property(d => d.IssuingOrganId).HasMaxLength(IncomingDocument.OrganIdMaxLength);
        builder.Property(d => d.IssuingOrganName).HasMaxLength(IncomingDocument.OrganNameMaxLength);
        builder.Property(d => d.IssuingOrganFolded).HasMaxLength(IncomingDocument.OrganNameMaxLength);
        builder.Property(d => d.Subject).HasMaxLength(IncomingDocument.SubjectMaxLength);
        builder.Property(d => d.SubjectFolded).HasMaxLength(IncomingDocument.SubjectMaxLength);
        builder.Property(d => d.Language).HasMaxLength(IncomingDocument.LanguageMaxLength);
        builder.Property(d => d.Description).HasMaxLength(IncomingDocument.DescriptionMaxLength);
        builder.Property(d => d.SignerPosition).HasMaxLength(IncomingDocument.SignerPositionMaxLength);
        builder.Property(d => d.SignerFullName).HasMaxLength(IncomingDocument.SignerNameMaxLength);
        builder.Property(d => d.ToPlaces).HasMaxLength(IncomingDocument.ToPlacesMaxLength);
        builder.Property(d => d.PaperAppendixNote).HasMaxLength(IncomingDocument.PaperNoteMaxLength);
        builder.Property(d => d.PaperAppendixHolder).HasMaxLength(IncomingDocument.PaperHolderMaxLength);
        builder.Property(d => d.PaperHandlingNote).HasMaxLength(IncomingDocument.InstructionMaxLength);
        builder.Property(d => d.ExternalId).HasMaxLength(PendingIncoming.ExternalIdMaxLength);
        builder.Property(d => d.CancelReason).HasMaxLength(IncomingDocument.ReasonMaxLength);
        builder.Property(d => d.CancelledByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.DossierTitle).HasMaxLength(IncomingDocument.DossierMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.ArrivalNumberText);
        builder.Ignore(d => d.CodeText);
        builder.HasIndex(d => new { d.RegisterId, d.Year, d.ArrivalNumber }).IsUnique();
        builder.HasIndex(d => new { d.AgencyId, d.ArrivalAt });
        builder.HasIndex(d => new { d.AgencyId, d.CodeNumber, d.CodeNotation });
        builder.HasIndex(d => new { d.AgencyId, d.Status, d.Urgency, d.ArrivalAt, d.Id });
        builder.HasIndex(d => new { d.RegisterId, d.Urgency, d.ArrivalAt, d.Id });
        builder.HasOne<Register>().WithMany().HasForeignKey(d => d.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Assignments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Access).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Access).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    internal const string WorkByUserIndex = "ix_documents_incoming_assignments_work_by_user";
    internal const string WorkByUnitIndex = "ix_documents_incoming_assignments_work_by_unit";
    internal const string InformationByUserIndex = "ix_documents_incoming_assignments_information_by_user";
    internal const string InformationByUnitIndex = "ix_documents_incoming_assignments_information_by_unit";

    // Role 3 is AssignmentRole.ForInformation. Each recipient index holds only the rows addressed that way (person or
    // unit: exactly one is set), so its statistics describe real recipients rather than the NULLs of the other kind —
    // with the NULLs counted, SQLite took a unit's "nhận để biết" index for the worst and sorted a whole range instead.
    internal const string WorkByUserFilter = "recipient_user_id IS NOT NULL AND role <> 3";
    internal const string WorkByUnitFilter = "recipient_unit_id IS NOT NULL AND role <> 3";
    internal const string InformationByUserFilter = "recipient_user_id IS NOT NULL AND role = 3";
    internal const string InformationByUnitFilter = "recipient_unit_id IS NOT NULL AND role = 3";
    internal const string ByUserFilter = "recipient_user_id IS NOT NULL";
    internal const string ByUnitFilter = "recipient_unit_id IS NOT NULL";

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("documents_incoming_assignments");
        builder.HasKey(a => a.Id);

        // Ids are made by the aggregate: a new assignment reached through the document's collection is an insert.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SenderName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.ActingSenderName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.RecipientName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.ActedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.Instruction).HasMaxLength(IncomingDocument.InstructionMaxLength);
        builder.Property(a => a.InstructionGiven).HasMaxLength(IncomingDocument.InstructionMaxLength);
        builder.Property(a => a.Result).HasMaxLength(IncomingDocument.InstructionMaxLength);
        builder.HasIndex(a => a.DocumentId);

        // The inboxes, in list order (urgency, sent time, id), split by kind so that neither kind has to read past the
        // other: work to do (Chờ xử lý, Đang xử lý, Đã xử lý) and "nhận để biết", which piles up unread in a leader's
        // inbox (see M0017). The filters are literal SQL, the same in the migration and in both providers; queries name
        // the role as a constant and compare the recipient with "=" (which implies IS NOT NULL) to read them.
        builder.HasIndex(a => new { a.RecipientUserId, a.Status, a.Urgency, a.SentAt, a.Id }, WorkByUserIndex).HasFilter(WorkByUserFilter);
        builder.HasIndex(a => new { a.RecipientUnitId, a.Status, a.Urgency, a.SentAt, a.Id }, WorkByUnitIndex).HasFilter(WorkByUnitFilter);
        builder.HasIndex(a => new { a.RecipientUserId, a.Status, a.Urgency, a.SentAt, a.Id }, InformationByUserIndex).HasFilter(InformationByUserFilter);
        builder.HasIndex(a => new { a.RecipientUnitId, a.Status, a.Urgency, a.SentAt, a.Id }, InformationByUnitIndex).HasFilter(InformationByUnitFilter);
        builder.HasIndex(a => new { a.RecipientUserId, a.Status, a.DueDate }).HasFilter(ByUserFilter);
        builder.HasIndex(a => new { a.RecipientUnitId, a.Status, a.DueDate }).HasFilter(ByUnitFilter);
        builder.HasIndex(a => new { a.SenderId, a.Status });
        builder.HasIndex(a => new { a.AgencyId, a.Status, a.DueDate });
    }
}

internal sealed class IncomingAttachmentConfiguration : IEntityTypeConfiguration<IncomingAttachment>
{
    public void Configure(EntityTypeBuilder<IncomingAttachment> builder)
    {
        builder.ToTable("documents_incoming_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(IncomingAttachment.FileNameMaxLength);
        builder.HasIndex(a => a.DocumentId);
        builder.HasIndex(a => a.Sha256);
        builder.HasIndex(a => a.FileId);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncomingEventConfiguration : IEntityTypeConfiguration<IncomingEvent>
{
    public void Configure(EntityTypeBuilder<IncomingEvent> builder)
    {
        builder.ToTable("documents_incoming_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasMaxLength(IncomingEvent.KindMaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(e => e.OnBehalfOfName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(e => e.Text).HasMaxLength(IncomingEvent.TextMaxLength);
        builder.HasIndex(e => e.DocumentId);
    }
}

internal sealed class IncomingAccessConfiguration : IEntityTypeConfiguration<IncomingAccess>
{
    public void Configure(EntityTypeBuilder<IncomingAccess> builder)
    {
        builder.ToTable("documents_incoming_access");
        builder.HasKey(a => new { a.DocumentId, a.PrincipalId, a.Reason });
        builder.HasIndex(a => new { a.PrincipalId, a.DocumentId });
    }
}

internal sealed class IncomingReplyConfiguration : IEntityTypeConfiguration<IncomingReply>
{
    public void Configure(EntityTypeBuilder<IncomingReply> builder)
    {
        builder.ToTable("documents_incoming_replies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(IncomingReply.TitleMaxLength);
        builder.Property(r => r.CreatedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(r => r.OutgoingCode).HasMaxLength(IncomingReply.CodeMaxLength);
        builder.HasIndex(r => r.DocumentId);
        builder.HasOne<IncomingDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PendingIncomingConfiguration : IEntityTypeConfiguration<PendingIncoming>
{
    public void Configure(EntityTypeBuilder<PendingIncoming> builder)
    {
        builder.ToTable("documents_pending_incoming");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ExternalId).HasMaxLength(PendingIncoming.ExternalIdMaxLength);
        builder.Property(p => p.SenderId).HasMaxLength(IncomingDocument.OrganIdMaxLength);
        builder.Property(p => p.SenderName).HasMaxLength(IncomingDocument.OrganNameMaxLength);
        builder.Property(p => p.TypeCode).HasMaxLength(20);
        builder.Property(p => p.CodeNumber).HasMaxLength(IncomingDocument.CodeNumberMaxLength);
        builder.Property(p => p.CodeNotation).HasMaxLength(IncomingDocument.CodeNotationMaxLength);
        builder.Property(p => p.Subject).HasMaxLength(IncomingDocument.SubjectMaxLength);
        builder.Property(p => p.SignerPosition).HasMaxLength(IncomingDocument.SignerPositionMaxLength);
        builder.Property(p => p.SignerFullName).HasMaxLength(IncomingDocument.SignerNameMaxLength);
        builder.Property(p => p.DecidedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(p => p.RefusalReason).HasMaxLength(IncomingDocument.ReasonMaxLength);
        builder.HasIndex(p => new { p.AgencyId, p.Status, p.ReceivedAt });
        builder.HasIndex(p => new { p.AgencyId, p.ExternalId });
        builder.HasMany(p => p.Files).WithOne().HasForeignKey(f => f.PendingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PendingIncomingFileConfiguration : IEntityTypeConfiguration<PendingIncomingFile>
{
    public void Configure(EntityTypeBuilder<PendingIncomingFile> builder)
    {
        builder.ToTable("documents_pending_incoming_files");
        builder.HasKey(f => new { f.PendingId, f.FileId });
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.FileName).HasMaxLength(IncomingAttachment.FileNameMaxLength);
        builder.HasIndex(f => f.FileId);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncomingSettingsConfiguration : IEntityTypeConfiguration<IncomingSettings>
{
    public void Configure(EntityTypeBuilder<IncomingSettings> builder)
    {
        builder.ToTable("documents_incoming_settings");
        builder.HasKey(s => s.AgencyId);
        builder.Property(s => s.AgencyId).ValueGeneratedNever();
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("documents_routing_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SenderRole).HasMaxLength(RoutingRule.RoleMaxLength);
        builder.HasIndex(r => r.AgencyId);
    }
}
