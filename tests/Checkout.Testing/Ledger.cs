using Checkout.Web.Operations;

namespace Checkout.Testing;

/// <summary>
/// Replays the two ledgers from nothing but their entries: every card's balance is its opening balance minus
/// the sum of its payment entries (refunds are negative), every product's stock is the sum of its stock
/// movements, and every order holds exactly what its state says it should.
/// </summary>
public static class Ledger
{
    public static async Task AssertReplaysAsync(ShopFactory shop)
    {
        await using var db = shop.OpenDatabase();
        var books = new LedgerCheck(db, orderCreatedHandlers: [], pickupDirectory: null);
        (await books.RunAsync(CancellationToken.None)).SelectMany(f => f.Breaks)
            .Should().BeEmpty("every card, product and order replays from the ledgers");
    }
}
