using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>The shop, plus what the fuzzer borrows from the second shopper: an order and a token of his.</summary>
public sealed class FuzzWorld : IAsyncLifetime
{
    public ShopFactory Shop { get; } = new();

    public string AidosOrderNumber { get; private set; } = "";

    public int AidosOrderId { get; private set; }

    public string AidosToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // A real port: body size limits are Kestrel's, the in-memory test server doesn't enforce them.
        Shop.UseKestrel(0);
        Shop.StartServer();
        using var aidos = Shop.CreateShopper();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        await using (var db = Shop.OpenDatabase())
        {
            var cheapest = await db.Products.Where(p => p.Stock > 0 && p.Offers.Any())
                .OrderBy(p => p.Offers.Min(o => o.PriceTiyn)).Select(p => p.Id).FirstAsync();
            (await aidos.AddToCartAsync(cheapest, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var paid = await Shopper.ReadAnswerAsync(await aidos.PayAsync(new { card_id = SeededCards.AidosKaspiGold }));
        paid.Status.Should().Be(HttpStatusCode.OK, paid.Json);
        AidosOrderNumber = paid.OrderNumber!;
        await Shop.WaitForOutboxAsync(); // the order's e-mail and sales count are written now, not during the cases
        await using (var db = Shop.OpenDatabase())
        {
            AidosOrderId = await db.Orders.Where(o => o.Number == AidosOrderNumber).Select(o => o.Id).SingleAsync();
        }

        AidosToken = await aidos.TokenAsync();
    }

    public Task DisposeAsync()
    {
        Shop.Dispose();
        return Task.CompletedTask;
    }
}
