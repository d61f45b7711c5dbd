using Checkout.Web.Outbox;

namespace Checkout.UnitTests;

public class RetryDelayTests
{
    private static readonly OutboxOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 30)] // 40 s, capped
    [InlineData(5, 30)]
    public void The_wait_after_each_failure_doubles_up_to_the_maximum(int failedAttempts, int seconds) =>
        Options.RetryDelay(failedAttempts).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Before_any_failure_the_wait_is_the_first_delay(int failedAttempts) =>
        Options.RetryDelay(failedAttempts).Should().Be(TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData(31)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Very_many_failures_wait_the_maximum_without_overflowing(int failedAttempts) =>
        Options.RetryDelay(failedAttempts).Should().Be(TimeSpan.FromSeconds(30));

    [Fact]
    public void The_defaults_start_at_5_s_and_stop_at_30_s()
    {
        var defaults = new OutboxOptions();

        defaults.RetryDelay(1).Should().Be(TimeSpan.FromSeconds(5));
        defaults.RetryDelay(10).Should().Be(TimeSpan.FromSeconds(30));
    }
}
