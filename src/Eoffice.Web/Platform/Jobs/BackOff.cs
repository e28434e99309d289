namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// When failed work is tried again: the base delay doubled for every failure so far, capped, and spread by a random
/// factor so that many messages failing together (a mail server down) do not all come back at the same instant.
/// </summary>
public static class BackOff
{
    /// <summary>Share of the delay that the random factor may add or remove (±25 %).</summary>
    public const double JitterShare = 0.25;

    /// <summary>
    /// The delay after the <paramref name="failures"/>-th failure (1 = first failure): base × 2^(failures−1), at most
    /// <paramref name="maxDelay"/>, multiplied by a factor in [0.75, 1.25) chosen by <paramref name="random"/>
    /// (a number in [0, 1)), and never more than <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        if (random is < 0 or >= 1 || double.IsNaN(random))
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "Expected a number in [0, 1).");
        }

        var nominal = Nominal(failures, baseDelay, maxDelay);
        var factor = 1 - JitterShare + (2 * JitterShare * random);
        var ticks = Math.Min(nominal.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay without jitter: base × 2^(failures−1), capped at <paramref name="maxDelay"/>.</summary>
    public static TimeSpan Nominal(int failures, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^62 ticks would overflow long; any exponent past 40 is far beyond every sensible cap anyway.
        var exponent = Math.Min(failures - 1, 40);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
