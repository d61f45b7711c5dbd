using Microsoft.Extensions.Time.Testing;

namespace Checkout.Testing;

/// <summary>
/// The shop's clock under a test's control (<see cref="FakeTimeProvider"/>): starts at the real now and moves only when
/// the test advances it; the workers' timers tick when it passes their interval. It also notes the period of every timer
/// the shop arms, because a worker starts on the thread pool after the host did (.NET 10 runs all of ExecuteAsync there):
/// moving the clock before its timer exists would not wake it.
/// </summary>
public sealed class ShopClock : FakeTimeProvider
{
    private readonly List<TimeSpan> _periods = [];

    public ShopClock()
        : base(DateTimeOffset.UtcNow)
    {
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_periods)
        {
            _periods.Add(period);
        }

        return timer;
    }

    /// <summary>Waits until the shop has armed a timer that repeats every <paramref name="period"/> (a worker waiting for its next run).</summary>
    public Task WaitForTimerAsync(TimeSpan period) => Poll.UntilAsync(
        () =>
        {
            lock (_periods)
            {
                return _periods.Contains(period);
            }
        },
        $"a timer that repeats every {period}");
}
