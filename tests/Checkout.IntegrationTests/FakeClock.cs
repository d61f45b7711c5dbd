namespace Checkout.IntegrationTests;

/// <summary>The shop's clock under a test's control: starts at the real now, moves only when told.</summary>
public sealed class FakeClock : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
