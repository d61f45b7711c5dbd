namespace Checkout.Web.Infrastructure;

/// <summary>
/// Configuration section <c>RateLimits</c>: how many requests of each kind one visitor may make per window
/// (<c>RateLimits:Login:PermitLimit</c>, <c>RateLimits:Login:Window</c> …), and whether the limits are on at all:
/// the load generator and benches run with <c>RateLimits:Enabled=false</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in and password-change attempts per address: a script guessing many accounts' passwords is slowed down (one account's guesses are also counted per address by the sign-in throttle).</summary>
    public RateLimit Login { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Register { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    public RateLimit Payment { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Cart { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Orders { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public sealed class RateLimit
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }
    }
}
