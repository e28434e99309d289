using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
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

/// <summary>The columns of <see cref="DocumentMetadata"/>, mapped once for every table that holds a document's metadata.</summary>
internal static class DocumentMetadataMapping
{
    public static void Configure(ComplexPropertyBuilder<DocumentMetadata> m)
    {
        m.Property(x => x.TypeCode).HasMaxLength(DocumentMetadata.TypeCodeMaxLength);
        m.Property(x => x.TypeName).HasMaxLength(DocumentMetadata.TypeNameMaxLength);
        m.Property(x => x.CodeNumber).HasMaxLength(DocumentMetadata.CodeNumberMaxLength);
        m.Property(x => x.CodeNotation).HasMaxLength(DocumentMetadata.CodeNotationMaxLength);
        m.Property(x => x.IssuingOrganId).HasMaxLength(DocumentMetadata.OrganIdMaxLength);
        m.Property(x => x.IssuingOrganName).HasMaxLength(DocumentMetadata.OrganNameMaxLength);
        m.Property(x => x.Subject).HasMaxLength(DocumentMetadata.SubjectMaxLength);
        m.Property(x => x.Language).HasMaxLength(DocumentMetadata.LanguageMaxLength);
        m.Property(x => x.Description).HasMaxLength(DocumentMetadata.DescriptionMaxLength);
        m.Property(x => x.SignerPosition).HasMaxLength(DocumentMetadata.SignerPositionMaxLength);
        m.Property(x => x.SignerFullName).HasMaxLength(DocumentMetadata.SignerNameMaxLength);
        m.Property(x => x.PaperAppendixNote).HasMaxLength(DocumentMetadata.PaperNoteMaxLength);
        m.Property(x => x.PaperAppendixHolder).HasMaxLength(DocumentMetadata.PaperHolderMaxLength);
        m.Ignore(x => x.CodeText);
        m.Ignore(x => x.SignerText);
    }
}

internal sealed class IncomingDocumentConfiguration : IEntityTypeConfiguration<IncomingDocument>
{
    public void Configure(EntityTypeBuilder<IncomingDocument> builder)
    {
        builder.ToTable("documents_incoming");
        builder.HasKey(d => d.Id);
        builder.ComplexProperty(d => d.Metadata, DocumentMetadataMapping.Configure);
        builder.Property(d => d.RegisteredByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.IssuingOrganFolded).HasMaxLength(DocumentMetadata.OrganNameMaxLength);
        builder.Property(d => d.SubjectFolded).HasMaxLength(DocumentMetadata.SubjectMaxLength);
        builder.Property(d => d.ToPlaces).HasMaxLength(IncomingDocument.ToPlacesMaxLength);
        builder.Property(d => d.PaperHandlingNote).HasMaxLength(IncomingDocument.PaperHandlingNoteMaxLength);
        builder.Property(d => d.ExternalId).HasMaxLength(IncomingDocument.ExternalIdMaxLength);
        builder.Property(d => d.CancelReason).HasMaxLength(IncomingDocument.ReasonMaxLength);
        builder.Property(d => d.CancelledByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.RecallReason).HasMaxLength(PendingIncoming.RecallReasonMaxLength);
        builder.Property(d => d.DossierTitle).HasMaxLength(IncomingDocument.DossierMaxLength);
        builder.Ignore(d => d.CodeText);
        builder.HasIndex(d => new { d.RegisterId, d.Year, d.ArrivalNumber }).IsUnique();
        builder.HasIndex(d => new { d.AgencyId, d.ArrivalAt });

        // Over metadata columns (urgency, number, symbol), which EF cannot index in a complex type: see ManualIndexes.
        // The duplicate check reads (agency, number, notation); the tracking and register lists read in list order.
        builder.HasManualIndex("ix_documents_incoming_agency_id_code_number_code_notation", ["agency_id", "code_number", "code_notation"]);
        builder.HasManualIndex("ix_documents_incoming_agency_id_status_urgency_arrival_at_id", ["agency_id", "status", "urgency", "arrival_at", "id"]);
        builder.HasManualIndex("ix_documents_incoming_register_id_urgency_arrival_at_id", ["register_id", "urgency", "arrival_at", "id"]);
        builder.HasOne<Register>().WithMany().HasForeignKey(d => d.RegisterId).OnDelete(DeleteBehavior.Restrict);
        HandlingModel.ConfigureTree<IncomingDocument, IncomingAssignment, IncomingEvent, IncomingAccess>(builder);
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.UnitReceipts).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.UnitReceipts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IncomingAssignmentConfiguration : IEntityTypeConfiguration<IncomingAssignment>
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

    public void Configure(EntityTypeBuilder<IncomingAssignment> builder)
    {
        HandlingModel.ConfigureAssignments(builder, "documents_incoming_assignments", "document_id");

        // Added to existing rows by M0022: the database keeps the default (SQLite cannot add a NOT NULL column without one).
        builder.Property(a => a.Awaiting).HasDefaultValue(AssignmentAwaiting.None);

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
    public void Configure(EntityTypeBuilder<IncomingEvent> builder) =>
        HandlingModel.ConfigureTimeline(builder, "documents_incoming_events", "document_id");
}

internal sealed class IncomingAccessConfiguration : IEntityTypeConfiguration<IncomingAccess>
{
    public void Configure(EntityTypeBuilder<IncomingAccess> builder) =>
        HandlingModel.ConfigureAccess(builder, "documents_incoming_access", "document_id");
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
        builder.Property(p => p.ExternalId).HasMaxLength(IncomingDocument.ExternalIdMaxLength);
        builder.ComplexProperty(p => p.Metadata, DocumentMetadataMapping.Configure);
        builder.Property(p => p.DecidedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(p => p.RefusalReason).HasMaxLength(IncomingDocument.ReasonMaxLength);
        builder.HasIndex(p => new { p.AgencyId, p.Status, p.ReceivedAt });
        builder.HasIndex(p => new { p.AgencyId, p.ExternalId });
        builder.Property(p => p.SenderKey).HasMaxLength(PendingIncoming.SenderKeyMaxLength).HasDefaultValue(""); // filled for existing rows by M0045
        builder.Property(p => p.Channel).HasDefaultValue(ArrivalChannel.Gateway); // every arrival before M0045 came through the gateway
        builder.Property(p => p.PackageSigner).HasMaxLength(PendingIncoming.SignerMaxLength);
        builder.Property(p => p.PackageThumbprint).HasMaxLength(PendingIncoming.ThumbprintMaxLength);
        builder.Property(p => p.Recall).HasDefaultValue(PendingRecall.None); // no arrival before M0052 was recalled
        builder.Property(p => p.RecallReason).HasMaxLength(PendingIncoming.RecallReasonMaxLength);
        builder.Property(p => p.RecallDecidedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(p => p.RecallRefusalReason).HasMaxLength(IncomingDocument.ReasonMaxLength);
        builder.HasIndex(p => new { p.AgencyId, p.SenderKey, p.ExternalId }).IsUnique();
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
        builder.Property(s => s.UnitHeadsConfirmResults).HasDefaultValue(false); // added to existing rows by M0022
        builder.Ignore(s => s.Rules);
    }
}

internal sealed class IncomingUnitReceiptConfiguration : IEntityTypeConfiguration<IncomingUnitReceipt>
{
    public void Configure(EntityTypeBuilder<IncomingUnitReceipt> builder)
    {
        builder.ToTable("documents_incoming_unit_receipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReceivedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.HasIndex(r => new { r.RegisterId, r.Year, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.RegisterId, r.ReceivedAt });
        builder.HasIndex(r => r.DocumentId);
        builder.HasOne<Register>().WithMany().HasForeignKey(r => r.RegisterId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class OutgoingDocumentConfiguration : IEntityTypeConfiguration<OutgoingDocument>
{
    internal const string IssuedIndex = "ix_documents_outgoing_issued";
    internal const string IssuedFilter = "issued_at IS NOT NULL";

    public void Configure(EntityTypeBuilder<OutgoingDocument> builder)
    {
        builder.ToTable("documents_outgoing");
        builder.HasKey(d => d.Id);
        builder.ComplexProperty(d => d.Metadata, DocumentMetadataMapping.Configure);
        builder.Property(d => d.SubjectFolded).HasMaxLength(DocumentMetadata.SubjectMaxLength);
        builder.Property(d => d.DraftingUnitName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.DraftingUnitCode).HasMaxLength(Register.CodeMaxLength);
        builder.Property(d => d.DrafterName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.RecipientLines).HasJsonConversion(OutgoingDocument.LinesMaxLength);
        builder.Property(d => d.Addressees).HasJsonConversion(OutgoingDocument.LinesMaxLength);
        builder.Property(d => d.Chain).HasJsonConversion(OutgoingDocument.LinesMaxLength);
        builder.Property(d => d.ContentApprovedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.FormatApprovedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.SignedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.SignedFileName).HasMaxLength(IncomingAttachment.FileNameMaxLength);
        builder.Property(d => d.SignerCertificate).HasMaxLength(OutgoingDocument.CertificateMaxLength);
        builder.Property(d => d.SignaturePlacement).HasMaxLength(100);
        builder.Property(d => d.IssuedFileName).HasMaxLength(IncomingAttachment.FileNameMaxLength);
        builder.Property(d => d.IssuedAnnexes).HasJsonConversion(OutgoingDocument.LinesMaxLength).HasDefaultValueSql("'[]'"); // added to existing rows by M0035
        builder.Property(d => d.SignedDigitally).HasDefaultValue(false); // added to existing rows by M0035
        builder.Property(d => d.VerificationCode).HasMaxLength(OutgoingDocument.VerificationCodeLength);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.Property(d => d.Series).HasMaxLength(Kernel.Numbering.NumberSeries.MaxLength);
        builder.Property(d => d.IssuedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(d => d.PaperNote).HasMaxLength(OutgoingDocument.ReasonMaxLength);
        builder.Property(d => d.WithdrawReason).HasMaxLength(OutgoingDocument.ReasonMaxLength);
        builder.Property(d => d.CancelReason).HasMaxLength(OutgoingDocument.ReasonMaxLength);
        builder.Ignore(d => d.CodeText);
        builder.Ignore(d => d.Content);
        builder.Ignore(d => d.Current);
        builder.Ignore(d => d.CurrentHop);
        builder.Ignore(d => d.CurrentVersion);

        // A number is given once per register, year and series.
        builder.HasIndex(d => new { d.RegisterId, d.Year, d.Series, d.Number }).IsUnique();

        // The lists: a drafter's drafts, what waits for a register's clerks, what a register issued, newest first.
        builder.HasIndex(d => new { d.DrafterId, d.Status, d.CreatedAt, d.Id });
        builder.HasIndex(d => new { d.RegisterId, d.Status, d.IssuedAt, d.Id });
        // The documents in a status (on their way: "Chờ tôi xử lý", "Đã trình"), with the id so that reading them needs no row (M0033).
        builder.HasIndex(d => new { d.AgencyId, d.Status, d.CreatedAt, d.Id });

        // "Đã phát hành" of a leader: the agency's issued (and recalled) documents newest first, each checked for their access
        // rows; only the rows with an issue time, so that no other list's query can take it for theirs (M0033).
        builder.HasIndex(d => new { d.AgencyId, d.IssuedAt, d.Id }, IssuedIndex).HasFilter(IssuedFilter);
        builder.HasOne<Register>().WithMany().HasForeignKey(d => d.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutgoingProcess>().WithMany().HasForeignKey(d => d.ProcessId).OnDelete(DeleteBehavior.Restrict);
        HandlingModel.ConfigureTree<OutgoingDocument, OutgoingAssignment, OutgoingEvent, OutgoingAccess>(builder);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Recipients).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutgoingAssignmentConfiguration : IEntityTypeConfiguration<OutgoingAssignment>
{
    internal const string ByUnitIndex = "ix_documents_outgoing_assignments_by_unit";
    internal const string StepsIndex = "ix_documents_outgoing_assignments_steps";
    internal const string StepsFilter = "parent_id IS NULL";

    public void Configure(EntityTypeBuilder<OutgoingAssignment> builder)
    {
        HandlingModel.ConfigureAssignments(builder, "documents_outgoing_assignments", "document_id");

        // "Chờ tôi xử lý" and "Đã trình", in list order; requests for comments to a unit its leaders answer (M0033: only the
        // rows addressed to a unit, as the incoming by-unit indexes).
        builder.HasIndex(a => new { a.RecipientUserId, a.Status, a.Urgency, a.SentAt, a.Id });
        builder.HasIndex(a => new { a.RecipientUnitId, a.Status, a.Urgency, a.SentAt, a.Id }, ByUnitIndex)
            .HasFilter(IncomingAssignmentConfiguration.ByUnitFilter);
        builder.HasIndex(a => new { a.SenderId, a.Status, a.SentAt, a.Id });

        // "Đã trình": the steps of a document and who sent them, read for each document on its way without the rows (M0033).
        builder.HasIndex(a => new { a.OwnerId, a.SenderId, a.SentAt }, StepsIndex).HasFilter(StepsFilter);
    }
}

internal sealed class OutgoingEventConfiguration : IEntityTypeConfiguration<OutgoingEvent>
{
    public void Configure(EntityTypeBuilder<OutgoingEvent> builder) =>
        HandlingModel.ConfigureTimeline(builder, "documents_outgoing_events", "document_id");
}

internal sealed class OutgoingAccessConfiguration : IEntityTypeConfiguration<OutgoingAccess>
{
    public void Configure(EntityTypeBuilder<OutgoingAccess> builder) =>
        HandlingModel.ConfigureAccess(builder, "documents_outgoing_access", "document_id");
}

internal sealed class OutgoingVersionConfiguration : IEntityTypeConfiguration<OutgoingVersion>
{
    public void Configure(EntityTypeBuilder<OutgoingVersion> builder)
    {
        builder.ToTable("documents_outgoing_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(v => v.Reason).HasMaxLength(OutgoingVersion.ReasonMaxLength);
        builder.Property(v => v.MainFileName).HasMaxLength(IncomingAttachment.FileNameMaxLength);
        builder.Property(v => v.Annexes).HasJsonConversion();
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.HasIndex(v => v.MainFileId);
        builder.HasIndex(v => v.LayoutFileId);
    }
}

internal sealed class OutgoingRecipientConfiguration : IEntityTypeConfiguration<OutgoingRecipient>
{
    public void Configure(EntityTypeBuilder<OutgoingRecipient> builder)
    {
        builder.ToTable("documents_outgoing_recipients");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(OutgoingRecipient.NameMaxLength);
        builder.Property(r => r.OrganCode).HasMaxLength(DocumentMetadata.OrganIdMaxLength);
        builder.Property(r => r.Note).HasMaxLength(OutgoingRecipient.NoteMaxLength);
        builder.Ignore(r => r.Spec);
        builder.HasIndex(r => r.DocumentId);
    }
}

internal sealed class OutgoingProcessConfiguration : IEntityTypeConfiguration<OutgoingProcess>
{
    public void Configure(EntityTypeBuilder<OutgoingProcess> builder)
    {
        builder.ToTable("documents_outgoing_processes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(OutgoingProcess.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(OutgoingProcess.NameMaxLength);
        builder.Property(p => p.TypeCodes).HasMaxLength(OutgoingProcess.TypeCodesMaxLength);
        builder.Property(p => p.Steps).HasJsonConversion(OutgoingDocument.LinesMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.TypeCodeList);
        builder.Ignore(p => p.IsDefault);
        builder.HasIndex(p => new { p.AgencyId, p.Code }).IsUnique();
    }
}

internal sealed class OutgoingSettingsConfiguration : IEntityTypeConfiguration<OutgoingSettings>
{
    public void Configure(EntityTypeBuilder<OutgoingSettings> builder)
    {
        builder.ToTable("documents_outgoing_settings");
        builder.HasKey(s => s.AgencyId);
        builder.Property(s => s.AgencyId).ValueGeneratedNever();
        builder.Property(s => s.SuperiorName).HasMaxLength(OutgoingSettings.NameMaxLength);
        builder.Property(s => s.IssuerName).HasMaxLength(OutgoingSettings.NameMaxLength);
        builder.Property(s => s.Place).HasMaxLength(OutgoingSettings.PlaceMaxLength);
        builder.Property(s => s.Abbreviation).HasMaxLength(OutgoingSettings.AbbreviationMaxLength);
    }
}

internal sealed class OutgoingTemplateConfiguration : IEntityTypeConfiguration<Outgoing.Layout.OutgoingTemplate>
{
    public void Configure(EntityTypeBuilder<Outgoing.Layout.OutgoingTemplate> builder)
    {
        builder.ToTable("documents_outgoing_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TypeCode).HasMaxLength(Outgoing.Layout.OutgoingTemplate.TypeCodeMaxLength);
        builder.Property(t => t.FileName).HasMaxLength(Outgoing.Layout.OutgoingTemplate.FileNameMaxLength);
        builder.Property(t => t.UploadedByName).HasMaxLength(Outgoing.Layout.OutgoingTemplate.NameMaxLength);
        builder.HasIndex(t => new { t.AgencyId, t.TypeCode }).IsUnique();
        builder.HasIndex(t => t.FileId);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(t => t.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentCopyConfiguration : IEntityTypeConfiguration<DocumentCopy>
{
    public void Configure(EntityTypeBuilder<DocumentCopy> builder)
    {
        builder.ToTable("documents_copies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SourceCodeText).HasMaxLength(DocumentCopy.TextMaxLength);
        builder.Property(c => c.SourceSubject).HasMaxLength(DocumentCopy.TextMaxLength);
        builder.Property(c => c.FileName).HasMaxLength(IncomingAttachment.FileNameMaxLength);
        builder.Property(c => c.CertificateText).HasMaxLength(DocumentCopy.TextMaxLength);
        builder.Property(c => c.MadeByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(c => c.Note).HasMaxLength(DocumentCopy.TextMaxLength);
        builder.Ignore(c => c.CodeText);
        builder.HasIndex(c => new { c.RegisterId, c.Year, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.SourceDocumentId, c.MadeAt });
        builder.HasIndex(c => c.FileId);
    }
}
