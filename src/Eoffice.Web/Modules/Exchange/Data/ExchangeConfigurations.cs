using Eoffice.Web.Modules.Exchange.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Exchange.Data;

internal sealed class ExchangePartnerConfiguration : IEntityTypeConfiguration<ExchangePartner>
{
    public void Configure(EntityTypeBuilder<ExchangePartner> builder)
    {
        builder.ToTable("exchange_partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.OrganId).HasMaxLength(ExchangePartner.OrganIdMaxLength);
        builder.Property(p => p.Name).HasMaxLength(ExchangePartner.NameMaxLength);
        builder.Property(p => p.Endpoint).HasMaxLength(ExchangePartner.EndpointMaxLength);
        builder.Property(p => p.CertificateSubject).HasMaxLength(ExchangePartner.SubjectMaxLength);
        builder.Property(p => p.CertificateThumbprint).HasMaxLength(ExchangePartner.ThumbprintMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.AgencyId, p.OrganId }).IsUnique();
    }
}

internal sealed class ExchangeReceivedPackageConfiguration : IEntityTypeConfiguration<ExchangeReceivedPackage>
{
    public void Configure(EntityTypeBuilder<ExchangeReceivedPackage> builder)
    {
        builder.ToTable("exchange_received_packages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.SenderId).HasMaxLength(ExchangePartner.OrganIdMaxLength);
        builder.Property(p => p.DocumentId).HasMaxLength(ExchangeReceivedPackage.DocumentIdMaxLength);
        builder.HasIndex(p => new { p.AgencyId, p.SenderId, p.DocumentId }).IsUnique();
        builder.HasIndex(p => p.PendingId);
    }
}

internal sealed class ExchangeDeliveryConfiguration : IEntityTypeConfiguration<ExchangeDelivery>
{
    public void Configure(EntityTypeBuilder<ExchangeDelivery> builder)
    {
        builder.ToTable("exchange_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OrganId).HasMaxLength(ExchangePartner.OrganIdMaxLength);
        builder.Property(d => d.PartnerName).HasMaxLength(ExchangePartner.NameMaxLength);
        builder.Property(d => d.PackageDocumentId).HasMaxLength(ExchangeReceivedPackage.DocumentIdMaxLength);
        builder.Property(d => d.RefusalReason).HasMaxLength(ExchangeDelivery.ReasonMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(ExchangeDelivery.ErrorMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.RecallState).HasDefaultValue(RecallState.None); // every delivery before M0051 was not recalled
        builder.Property(d => d.RecallReason).HasMaxLength(ExchangeDelivery.ReasonMaxLength);
        builder.Property(d => d.RecallError).HasMaxLength(ExchangeDelivery.ErrorMaxLength);
        builder.Property(d => d.RecallAttempts).HasDefaultValue(0);
        builder.Property(d => d.RecallAnswer).HasMaxLength(ExchangeDelivery.ReasonMaxLength);
        builder.Ignore(d => d.IsAcknowledged);
        builder.Ignore(d => d.IsDelivered);
        builder.Ignore(d => d.StateName);
        builder.HasIndex(d => new { d.OutgoingId, d.RecipientId }).IsUnique();
        builder.HasIndex(d => new { d.AgencyId, d.PackageDocumentId, d.OrganId }).IsUnique();
        builder.HasIndex(d => new { d.State, d.AlertedAt });
    }
}

internal sealed class ExchangeDeliveryStatusConfiguration : IEntityTypeConfiguration<ExchangeDeliveryStatus>
{
    public void Configure(EntityTypeBuilder<ExchangeDeliveryStatus> builder)
    {
        builder.ToTable("exchange_delivery_statuses");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(2);
        builder.Property(s => s.Description).HasMaxLength(ExchangeDelivery.ReasonMaxLength);
        builder.HasIndex(s => new { s.DeliveryId, s.Code }).IsUnique();
    }
}

internal sealed class ExchangeStatusReportConfiguration : IEntityTypeConfiguration<ExchangeStatusReport>
{
    public void Configure(EntityTypeBuilder<ExchangeStatusReport> builder)
    {
        builder.ToTable("exchange_status_reports");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(2);
        builder.Property(s => s.Description).HasMaxLength(ExchangeDelivery.ReasonMaxLength);
        builder.Property(s => s.LastError).HasMaxLength(ExchangeDelivery.ErrorMaxLength);
        builder.HasIndex(s => new { s.ReceivedPackageId, s.Code }).IsUnique();
    }
}
