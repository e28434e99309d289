using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Identity.External;

internal sealed class ExternalSignInProviderConfiguration : IEntityTypeConfiguration<ExternalSignInProvider>
{
    public void Configure(EntityTypeBuilder<ExternalSignInProvider> builder)
    {
        builder.ToTable("identity_external_providers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.Host).HasMaxLength(255);
        builder.Property(p => p.BindDnTemplate).HasMaxLength(500);
        builder.Property(p => p.SearchBase).HasMaxLength(500);
        builder.Property(p => p.SearchFilter).HasMaxLength(500);
        builder.Property(p => p.ServiceDn).HasMaxLength(500);
        builder.Property(p => p.ProtectedSecret).HasMaxLength(2000);
        builder.Property(p => p.Authority).HasMaxLength(500);
        builder.Property(p => p.ClientId).HasMaxLength(200);
        builder.Property(p => p.Scopes).HasMaxLength(500);
        builder.Property(p => p.EmailField).HasMaxLength(100);
        builder.Property(p => p.NameField).HasMaxLength(100);
        builder.Property(p => p.UserNameField).HasMaxLength(100);
        builder.HasIndex(p => p.IsEnabled);
        builder.Ignore(p => p.EmailFieldOrDefault);
        builder.Ignore(p => p.NameFieldOrDefault);
        builder.Ignore(p => p.UserNameFieldOrDefault);
        builder.Ignore(p => p.PortOrDefault);
        builder.Ignore(p => p.ScopesOrDefault);
        builder.Ignore(p => p.LoginProviderName);
    }
}
