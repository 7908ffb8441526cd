namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The host's TimeProvider in tests: real time plus an offset a test can move forward (invitation expiry). Timers and
/// delays stay on real time, so nothing that waits on the clock hangs; the offset is back to zero before every test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
