namespace Checkout.IntegrationTests;

public sealed class LoggingTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Each_request_is_logged_with_id_path_status_and_time_but_never_a_password_or_card()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        var paid = await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold });
        var requestId = paid.Headers.GetValues("X-Request-Id").Single();

        var log = await _shop.ReadLogAsync();

        log.Should().MatchRegex(@"POST /account/login -> 302 in [0-9.]+ ms");
        log.Should().Contain($"{requestId} POST /process_payment -> 200 in ");
        log.Should().NotContain(Shopper.DemoPassword);
        log.Should().NotContain("card_id");
        log.Should().NotContain("4300000").And.NotContain("2446520");
    }
}
