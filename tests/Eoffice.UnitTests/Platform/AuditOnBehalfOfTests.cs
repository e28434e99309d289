using Eoffice.Web.Platform.Audit;

namespace Eoffice.UnitTests.Platform;

/// <summary>
/// Entries written before the on-behalf-of columns existed must keep their hash, or every existing chain would stop
/// verifying; entries with a delegator must have it covered by the hash.
/// </summary>
public sealed class AuditOnBehalfOfTests
{
    /// <summary>The hash of <see cref="OldEntry"/> as computed by the layout of version 1 (before delegation existed).</summary>
    private const string VersionOneHash = "58bb0bdbb08707e9666f7820dcc12dd764b6e490b5e72447f687fbf8ffa068fd";

    private static AuditEntry OldEntry() =>
        new(1, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567), Guid.Parse("01938e7e-0000-7000-8000-000000000001"),
            "quantri", "auth.sign-in", "user", "42", "127.0.0.1", AuditOutcome.Success, "chi tiết", AuditEntry.GenesisHash);

    [Fact]
    public void An_entry_without_a_delegator_keeps_the_hash_of_the_version_one_layout()
    {
        var entry = OldEntry();

        Assert.Equal(VersionOneHash, entry.Hash);
        Assert.Equal(VersionOneHash, entry.ComputeHash());
    }

    [Fact]
    public void The_delegator_is_covered_by_the_hash_and_changing_it_is_detected()
    {
        var delegator = Guid.Parse("01938e7e-0000-7000-8000-000000000002");
        var withDelegator = new AuditEntry(1, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567),
            Guid.Parse("01938e7e-0000-7000-8000-000000000001"), "quantri", "auth.sign-in", "user", "42", "127.0.0.1", AuditOutcome.Success,
            "chi tiết", AuditEntry.GenesisHash, delegator, "Trần Văn A");
        var otherName = new AuditEntry(1, withDelegator.OccurredAt, withDelegator.ActorId, "quantri", "auth.sign-in", "user", "42", "127.0.0.1",
            AuditOutcome.Success, "chi tiết", AuditEntry.GenesisHash, delegator, "Trần Văn C");

        Assert.NotEqual(VersionOneHash, withDelegator.Hash);
        Assert.Equal(withDelegator.Hash, withDelegator.ComputeHash());
        Assert.NotEqual(withDelegator.Hash, otherName.Hash);
        Assert.Equal((delegator, "Trần Văn A"), (withDelegator.OnBehalfOfId!.Value, withDelegator.OnBehalfOfName));
    }
}
