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
