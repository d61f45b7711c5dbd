namespace Checkout.IntegrationTests;

/// <summary>Every configuration section is checked when the shop starts: a bad value stops it, saying which key.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Idempotency:Retention", "01:00:00")]
    [InlineData("Idempotency:Lease", "-00:01:00")]
    [InlineData("Outbox:PollInterval", "00:00:00")]
    [InlineData("Outbox:FirstRetryDelay", "-00:00:05")]
    [InlineData("Outbox:MaxRetryDelay", "00:00:00.010")]
    [InlineData("Outbox:MaxAttempts", "0")]
    [InlineData("Outbox:Lease", "-00:00:30")]
    [InlineData("Outbox:BatchSize", "0")]
    [InlineData("Email:From", "")]
    [InlineData("Email:From", "not a mail address")]
    [InlineData("Email:PickupDirectory", " ")]
    [InlineData("Inventory:ReservationTtl", "-00:15:00")]
    [InlineData("Inventory:CleanupInterval", "00:00:00")]
    [InlineData("Carts:MaxUnitsPerProduct", "0")]
    [InlineData("Carts:MaxUnitsPerProduct", "100")]
    [InlineData("Carts:GuestMaxValue", "0")]
    [InlineData("CashOnDelivery:NewShopperMaxOpen", "-1")]
    [InlineData("Jobs:StaleGuestCarts:Interval", "-00:15:00")]
    [InlineData("Jobs:StaleGuestCarts:MaxAge", "00:00:00")]
    [InlineData("Jobs:OldIdempotencyKeys:Interval", "00:00:00")]
    [InlineData("Database:Provider", "Oracle")]
    [InlineData("Database:BusyTimeoutMs", "-1")]
    [InlineData("Database:SqliteSynchronous", "OFF")]
    [InlineData("Seed:DemoData", "maybe")]
    [InlineData("Seed:Directory", " ")]
    [InlineData("Shop:DataDirectory", " ")]
    [InlineData("Accounts:SecurityStampInterval", "-00:01:00")]
    [InlineData("Accounts:IdleTimeout", "00:00:00")]
    [InlineData("Accounts:RememberMeFor", "-1.00:00:00")]
    [InlineData("Accounts:MaxFailedSignIns", "0")]
    [InlineData("Accounts:FailedSignInWindow", "00:00:00")]
    [InlineData("RateLimits:Login:PermitLimit", "0")]
    [InlineData("RateLimits:Cart:Window", "00:00:00")]
    [InlineData("RateLimits:Enabled", "maybe")]
    [InlineData("ProductImages:MaxBytes", "0")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("Referral:RewardPercent", "101")]
    [InlineData("Referral:TreePercent", "49")]
    [InlineData("Referral:UpgradeChildren", "0")]
    [InlineData("Referral:MaxDepth", "0")]
    [InlineData("Referral:SignupGift", "-1")]
    public void A_bad_value_stops_the_start_with_a_message_naming_its_key(string key, string value)
    {
        using var shop = new ShopFactory { Settings = { [key] = value } };

        var start = () => shop.Server;

        var failure = start.Should().Throw<Exception>().Which;
        Messages(failure).Should().Contain(KeyOf(key));
    }

    /// <summary>A list entry's key is named without its index (<c>ForwardedHeaders:KnownProxies</c>).</summary>
    private static string KeyOf(string key) => key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;

    private static string Messages(Exception failure) =>
        failure is AggregateException all
            ? string.Join(" | ", all.InnerExceptions.Select(Messages))
            : failure.Message + (failure.InnerException is { } inner ? " | " + Messages(inner) : "");
}
