using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Eoffice.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Audit;

public enum AuditOutcome
{
    Success = 0,
    Failure = 1,
    Denied = 2,
}

/// <summary>
/// One line of the append-only system log (nhật ký hệ thống). Each entry carries the hash of the previous one, so
/// changing or deleting any row breaks the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = ObjectType = Hash = PreviousHash = string.Empty;
    }

    internal AuditEntry(long sequence, DateTime occurredAt, Guid? actorId, string? actorName, string action, string objectType,
        string? objectId, string? clientAddress, AuditOutcome outcome, string? details, string previousHash,
        Guid? onBehalfOfId = null, string? onBehalfOfName = null)
    {
        Sequence = sequence;
        // PostgreSQL keeps microseconds, .NET ticks are 100 ns: hash what every database stores and gives back.
        OccurredAt = new DateTime(occurredAt.Ticks - (occurredAt.Ticks % 10), DateTimeKind.Utc);
        // The text is hashed as it will be stored (the store makes every text safe and NFC), so the chain verifies.
        ActorId = actorId;
        ActorName = Stored(actorName);
        Action = SafeText.ForStorage(action);
        ObjectType = SafeText.ForStorage(objectType);
        ObjectId = Stored(objectId);
        ClientAddress = Stored(clientAddress);
        Outcome = outcome;
        Details = Stored(details);
        OnBehalfOfId = onBehalfOfId;
        OnBehalfOfName = Stored(onBehalfOfName);
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    private static string? Stored(string? text) => text is null ? null : SafeText.ForStorage(text);

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Id { get; private set; }

    /// <summary>1, 2, 3… without gaps: a missing number means a deleted entry.</summary>
    public long Sequence { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>
    /// When the actor acted under a delegation (ủy quyền): the person whose right was used. The entry then names both
    /// people, e.g. "Nguyễn Văn B (thay mặt Trần Văn A)".
    /// </summary>
    public Guid? OnBehalfOfId { get; private set; }

    /// <summary>The delegator's name as the acting module recorded it (usually the full name).</summary>
    public string? OnBehalfOfName { get; private set; }

    /// <summary>What was done, e.g. "auth.sign-in", "file.download", "calendar.override.add".</summary>
    public string Action { get; private set; }

    public string ObjectType { get; private set; }

    public string? ObjectId { get; private set; }

    public string? ClientAddress { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? Details { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>
    /// SHA-256 over every field and the previous hash, in a fixed, unambiguous layout. The on-behalf-of fields are
    /// appended only when present, so entries written before they existed keep their hash and old chains still verify.
    /// </summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? string.Empty,
            ActorName ?? string.Empty,
            Action,
            ObjectType,
            ObjectId ?? string.Empty,
            ClientAddress ?? string.Empty,
            ((int)Outcome).ToString(CultureInfo.InvariantCulture),
            Details ?? string.Empty,
            PreviousHash);
        if (OnBehalfOfId is not null || OnBehalfOfName is not null)
        {
            // After the previous hash (hex only), so no entry without these fields can produce the same text.
            canonical = string.Join('\u001f', canonical, OnBehalfOfId?.ToString("N") ?? string.Empty, OnBehalfOfName ?? string.Empty);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("platform_audit_entries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.ObjectType, e.ObjectId });
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.OnBehalfOfName).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.ObjectType).HasMaxLength(100);
        builder.Property(e => e.ObjectId).HasMaxLength(100);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

/// <summary>
/// The newest sequence and hash, updated in the same transaction as each append. Without it, deleting the last
/// entries of the chain would leave a shorter chain that still verifies.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditEntry.GenesisHash;
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("platform_audit_head");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
    }
}
