using Eoffice.Web.Platform.Jobs;

namespace Eoffice.UnitTests.Platform.Jobs;

public sealed class BackOffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(11, 2048)]
    public void The_nominal_delay_doubles_with_every_failure(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), BackOff.Nominal(failures, Base, Cap));

    [Theory]
    [InlineData(12)]
    [InlineData(40)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void The_delay_never_exceeds_the_cap_even_after_very_many_failures(int failures)
    {
        Assert.Equal(Cap, BackOff.Nominal(failures, Base, Cap));
        Assert.Equal(Cap, BackOff.Delay(failures, Base, Cap, 0.999));
        Assert.True(BackOff.Delay(failures, Base, Cap, 0) >= Cap * 0.75);
    }

    [Theory]
    [InlineData(0.0, 1.5)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.999999, 2.5)]
    public void Jitter_spreads_the_delay_by_a_quarter_either_way(double random, double seconds) =>
        Assert.Equal(seconds, BackOff.Delay(1, Base, Cap, random).TotalSeconds, precision: 3);

    [Fact]
    public void Later_failures_wait_longer_whatever_the_jitter()
    {
        for (var failures = 1; failures < 11; failures++)
        {
            Assert.True(BackOff.Delay(failures + 1, Base, Cap, 0) > BackOff.Delay(failures, Base, Cap, 0.999),
                $"after failure {failures + 1}");
        }
    }

    [Fact]
    public void Nonsense_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BackOff.Delay(0, Base, Cap, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackOff.Delay(1, TimeSpan.Zero, Cap, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackOff.Delay(1, Cap, Base, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackOff.Delay(1, Base, Cap, 1.0));
    }
}
