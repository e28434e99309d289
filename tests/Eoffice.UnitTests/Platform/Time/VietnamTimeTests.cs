using Eoffice.Web.Platform.Time;

namespace Eoffice.UnitTests.Platform.Time;

public sealed class VietnamTimeTests
{
    [Fact]
    public void A_day_in_vietnam_begins_at_17_utc_the_evening_before()
    {
        Assert.Equal(new DateTime(2026, 3, 1, 17, 0, 0, DateTimeKind.Utc), VietnamTime.StartOfDayUtc(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc), VietnamTime.EndOfDayUtc(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0), VietnamTime.ToLocal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_calendars_first_and_last_days_stop_at_the_first_and_last_instant_instead_of_overflowing()
    {
        Assert.Equal(DateTime.MinValue, VietnamTime.StartOfDayUtc(DateOnly.MinValue));
        // In year 1 the time-zone data gives Vietnam's local mean time (+7:06), not +7: the end is reckoned with the zone's offset.
        var secondDay = new DateTime(1, 1, 2);
        Assert.Equal(DateTime.SpecifyKind(secondDay - VietnamTime.Zone.GetUtcOffset(secondDay), DateTimeKind.Utc), VietnamTime.EndOfDayUtc(DateOnly.MinValue));
        Assert.Equal(new DateTime(9999, 12, 30, 17, 0, 0, DateTimeKind.Utc), VietnamTime.StartOfDayUtc(DateOnly.MaxValue));
        Assert.Equal(DateTime.MaxValue, VietnamTime.EndOfDayUtc(DateOnly.MaxValue));
        Assert.Equal(DateTime.MaxValue, VietnamTime.ToLocal(DateTimeOffset.MaxValue));
        Assert.Equal("31/12/9999 23:59:59", VietnamTime.Format(DateTime.MaxValue));
        Assert.Equal(new DateOnly(9999, 12, 31), VietnamTime.DateOf(new DateTimeOffset(9999, 12, 31, 20, 0, 0, TimeSpan.Zero)));
    }
}
