using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Signing.Data;

internal sealed class SigningCertificateConfiguration : IEntityTypeConfiguration<SigningCertificate>
{
    public void Configure(EntityTypeBuilder<SigningCertificate> builder)
    {
        builder.ToTable("signing_certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Subject).HasMaxLength(SigningCertificate.SubjectMaxLength);
        builder.Property(c => c.SubjectName).HasMaxLength(SigningCertificate.NameMaxLength);
        builder.Property(c => c.Issuer).HasMaxLength(SigningCertificate.SubjectMaxLength);
        builder.Property(c => c.SerialNumber).HasMaxLength(SigningCertificate.SerialMaxLength);
        builder.Property(c => c.Thumbprint).HasMaxLength(SigningCertificate.ThumbprintMaxLength);
        builder.Property(c => c.OwnerName).HasMaxLength(SigningCertificate.NameMaxLength);
        builder.Property(c => c.Pkcs11Library).HasMaxLength(SigningCertificate.PathMaxLength);
        builder.Property(c => c.Pkcs11TokenLabel).HasMaxLength(SigningCertificate.LabelMaxLength);
        builder.Property(c => c.Pkcs11KeyLabel).HasMaxLength(SigningCertificate.LabelMaxLength);
        builder.Property(c => c.RemoteUserId).HasMaxLength(SigningCertificate.LabelMaxLength);
        builder.Property(c => c.AddedByName).HasMaxLength(SigningCertificate.NameMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.AgencyId, c.Thumbprint }).IsUnique();
        builder.HasIndex(c => c.OwnerId);
        builder.HasMany(c => c.SealHolders).WithOne().HasForeignKey(h => h.CertificateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SealHolders).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SealHolderConfiguration : IEntityTypeConfiguration<SealHolder>
{
    public void Configure(EntityTypeBuilder<SealHolder> builder)
    {
        builder.ToTable("signing_seal_holders");
        builder.HasKey(h => new { h.CertificateId, h.AccountId });
        builder.Property(h => h.Name).HasMaxLength(SigningCertificate.NameMaxLength);
        builder.HasIndex(h => h.AccountId);
    }
}

internal sealed class SignatureImageConfiguration : IEntityTypeConfiguration<SignatureImage>
{
    public void Configure(EntityTypeBuilder<SignatureImage> builder)
    {
        builder.ToTable("signing_images");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(SignatureImage.FileNameMaxLength);
        builder.Property(i => i.UploadedByName).HasMaxLength(SignatureImage.NameMaxLength);
        builder.HasIndex(i => new { i.AgencyId, i.OwnerId }).IsUnique();
        builder.HasIndex(i => i.FileId);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
