using Eoffice.Web.Platform.Audit;

namespace Eoffice.UnitTests.Platform;

public sealed class AuditEntryTests
{
    private static AuditEntry Entry(string details = "chi tiết", string previous = AuditEntry.GenesisHash) =>
        new(1, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567), Guid.Parse("01938e7e-0000-7000-8000-000000000001"),
            "quantri", "auth.sign-in", "user", "42", "127.0.0.1", AuditOutcome.Success, details, previous);

    [Fact]
    public void The_hash_covers_the_content_and_the_previous_hash()
    {
        var original = Entry();

        Assert.Equal(original.Hash, original.ComputeHash());
        Assert.NotEqual(original.Hash, Entry(details: "chi tiet").Hash);
        Assert.NotEqual(original.Hash, Entry(previous: new string('1', 64)).Hash);
        Assert.Matches("^[0-9a-f]{64}$", original.Hash);
    }

    [Fact]
    public void The_time_is_kept_at_microsecond_precision_so_every_database_returns_what_was_hashed()
    {
        var entry = Entry();

        Assert.Equal(0, entry.OccurredAt.Ticks % 10);
        Assert.Equal(DateTimeKind.Utc, entry.OccurredAt.Kind);
    }
}
