using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Inventory;

/// <summary>
/// Stock as shoppers see it: what a cart may still take is the product's stock minus the live reservations of
/// every other cart. Expired reservations count for nothing, whether or not the clean-up has deleted them yet.
/// </summary>
public static class Stock
{
    /// <summary>
    /// Units held by carts other than <paramref name="cartId"/> (all carts when null) at <paramref name="nowUtc"/>. Capture it in
    /// a local before using it inside another query: EF inlines a captured query, while a method call inside the expression
    /// is compiled and run again on every execution.
    /// </summary>
    public static IQueryable<int> HeldByOthers(ShopDbContext db, int productId, Guid? cartId, DateTime nowUtc)
    {
        // Two shapes instead of "cartId == null || …": EF evaluates such a test of a captured value through a small
        // lambda of its own on every run, the profile showed.
        var live = db.StockReservations.Where(r => r.ProductId == productId && r.ExpiresUtc > nowUtc);
        if (cartId is { } mine)
        {
            live = live.Where(r => r.CartId != mine);
        }

        return live.Select(r => r.Quantity);
    }

    /// <summary>What <paramref name="cartId"/> may hold of a product: stock − other carts' live reservations (never below zero).</summary>
    public static async Task<int> AvailableAsync(ShopDbContext db, int productId, Guid? cartId, DateTime nowUtc, CancellationToken ct)
    {
        var held = HeldByOthers(db, productId, cartId, nowUtc);
        var level = await db.Products
            .Where(p => p.Id == productId)
            .Select(p => new { p.Stock, Held = held.Sum() })
            .FirstOrDefaultAsync(ct);
        return level is null ? 0 : Math.Max(0, level.Stock - level.Held);
    }

    /// <summary>
    /// Takes the product's row lock (a no-op update) so reservations and sales of one product queue behind each other.
    /// On PostgreSQL the statements after it then see every reservation committed before the lock was granted. SQLite
    /// has one writer, which already runs every write alone: there it takes nothing. Call inside a write transaction.
    /// </summary>
    public static Task LockAsync(ShopDbContext db, int productId, CancellationToken ct) =>
        db.Database.IsSqlite()
            ? Task.CompletedTask
            : db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock), ct);
}
