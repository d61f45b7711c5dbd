using Microsoft.EntityFrameworkCore;

namespace Checkout.Testing;

/// <summary>Everything money and stock touch, read straight from the database: to prove "nothing changed".</summary>
public sealed record ShopState(
    IReadOnlyDictionary<int, long> CardBalances,
    IReadOnlyDictionary<int, int> Stock,
    int Orders,
    int LedgerEntries,
    IReadOnlyList<string> CartLines)
{
    public static async Task<ShopState> ReadAsync(ShopFactory shop)
    {
        await using var db = shop.OpenDatabase();
        return new ShopState(
            await db.Cards.ToDictionaryAsync(c => c.Id, c => c.BalanceTiyn),
            await db.Products.ToDictionaryAsync(p => p.Id, p => p.Stock),
            await db.Orders.CountAsync(),
            await db.LedgerEntries.CountAsync(),
            await db.CartLines.OrderBy(l => l.CartId).ThenBy(l => l.ProductId)
                .Select(l => l.CartId + ":" + l.ProductId + "x" + l.Quantity).ToListAsync());
    }

    public static async Task<long> BalanceAsync(ShopFactory shop, int cardId)
    {
        await using var db = shop.OpenDatabase();
        return await db.Cards.Where(c => c.Id == cardId).Select(c => c.BalanceTiyn).SingleAsync();
    }
}
