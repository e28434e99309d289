using Eoffice.Web.Platform.Time;

namespace Eoffice.UnitTests.Platform;

public sealed class VietnamTimeTests
{
    [Theory]
    [InlineData(2026, 1, 5, "ngày 05 tháng 01 năm 2026")]
    [InlineData(2026, 2, 28, "ngày 28 tháng 02 năm 2026")]
    [InlineData(2026, 3, 15, "ngày 15 tháng 3 năm 2026")]
    [InlineData(2026, 12, 1, "ngày 01 tháng 12 năm 2026")]
    public void Long_dates_pad_days_below_ten_and_only_the_first_two_months(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnamTime.FormatLong(new DateOnly(year, month, day)));

    [Fact]
    public void Utc_instants_are_shown_in_vietnam_time() =>
        Assert.Equal("21/11/2026 07:30:00", VietnamTime.Format(new DateTime(2026, 11, 21, 0, 30, 0, DateTimeKind.Utc)));
}
