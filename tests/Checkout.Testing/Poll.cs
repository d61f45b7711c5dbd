namespace Checkout.Testing;

/// <summary>
/// Waiting for what the shop does in the background (a worker's run after the test moved the clock on, a request racing
/// another): asks again every 20 ms until the answer comes, and fails saying what it waited for once the patience runs out.
/// </summary>
public static class Poll
{
    /// <summary>Generous, for a loaded two-core machine: a wait that ends normally takes milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(20);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what) =>
        UntilAsync(async () => await condition() ? what : null, what);

    public static Task UntilAsync(Func<bool> condition, string what) =>
        UntilAsync(() => Task.FromResult(condition()), what);
}
