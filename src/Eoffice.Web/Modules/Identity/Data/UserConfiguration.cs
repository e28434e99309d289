using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Identity.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("identity_users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserName).HasMaxLength(64);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.Phone).HasMaxLength(50);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.Property(u => u.DisabledReason).HasMaxLength(200);
        builder.Property(u => u.TwoFactorSecret).HasMaxLength(1024);
        builder.HasIndex(u => new { u.AgencyId, u.UnitId });
        builder.Ignore(u => u.LastActiveAt);

        // Added to existing rows by M0006: the database keeps these defaults (SQLite cannot add a NOT NULL column without one).
        builder.Property(u => u.Status).HasDefaultValue(AccountStatus.Active);
        builder.Property(u => u.IsDemo).HasDefaultValue(false);
        builder.Property(u => u.MustChangePassword).HasDefaultValue(false);
        builder.Property(u => u.FailedSignInCount).HasDefaultValue(0);
        builder.Property(u => u.TwoFactorEnabled).HasDefaultValue(false);
        builder.HasMany(u => u.RoleAssignments).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.RoleAssignments).HasField("roleAssignments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("identity_role_assignments");
        builder.HasKey(r => r.Id);
        // The id is set by the constructor: a new assignment added to a tracked person's collection must be inserted, not updated.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RoleCode).HasMaxLength(64);
        builder.HasIndex(r => new { r.UserId, r.RoleCode, r.ScopeUnitId });
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("identity_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.AuthMethod).HasMaxLength(20);
        builder.Property(s => s.EndReason).HasMaxLength(50);
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(300);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> builder)
    {
        builder.ToTable("identity_password_history");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.PasswordHash).HasMaxLength(512);
        builder.HasIndex(p => new { p.UserId, p.CreatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("identity_recovery_codes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CodeHash).HasMaxLength(128);
        builder.HasIndex(r => r.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("identity_access_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.ToTable("identity_delegations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.HasIndex(d => new { d.DelegateId, d.EndsOn });
        builder.HasIndex(d => new { d.DelegatorId, d.EndsOn });
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.DelegatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.DelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Rights).WithOne().HasForeignKey(r => r.DelegationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Rights).HasField("rights").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DelegationRightConfiguration : IEntityTypeConfiguration<DelegationRight>
{
    public void Configure(EntityTypeBuilder<DelegationRight> builder)
    {
        builder.ToTable("identity_delegation_rights");
        builder.HasKey(r => new { r.DelegationId, r.Code });
        builder.Property(r => r.Code).HasMaxLength(DelegableRight.MaxCodeLength);
        builder.Property(r => r.Name).HasMaxLength(DelegableRight.MaxNameLength);
    }
}

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> builder)
    {
        builder.ToTable("identity_handovers");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Note).HasMaxLength(500);
        builder.HasIndex(h => h.FromUserId);
        builder.HasIndex(h => h.ToUserId);
        builder.HasMany(h => h.Items).WithOne().HasForeignKey(i => i.HandoverId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HandoverItemConfiguration : IEntityTypeConfiguration<HandoverItem>
{
    public void Configure(EntityTypeBuilder<HandoverItem> builder)
    {
        builder.ToTable("identity_handover_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Module).HasMaxLength(50);
        builder.Property(i => i.ItemType).HasMaxLength(50);
        builder.Property(i => i.ItemId).HasMaxLength(100);
        builder.Property(i => i.Title).HasMaxLength(500);
    }
}

internal sealed class RightsChangeConfiguration : IEntityTypeConfiguration<RightsChange>
{
    public void Configure(EntityTypeBuilder<RightsChange> builder)
    {
        builder.ToTable("identity_rights_changes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Description).HasMaxLength(1000);
        builder.HasIndex(r => new { r.AgencyId, r.ConfirmedAt });
        builder.Ignore(r => r.IsConfirmed);
    }
}

internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    public void Configure(EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.ToTable("identity_external_logins");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Provider).HasMaxLength(20);
        builder.Property(e => e.ProviderKey).HasMaxLength(300);
        builder.HasIndex(e => new { e.Provider, e.ProviderKey }).IsUnique();
        builder.HasIndex(e => e.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
