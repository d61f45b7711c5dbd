using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

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

        var cards = await db.Cards.Select(c => new { c.Id, c.OpeningBalanceTiyn, c.BalanceTiyn }).ToListAsync();
        var entries = await db.Payments.Where(p => p.CardId != null).Select(p => new { CardId = p.CardId!.Value, p.AmountTiyn }).ToListAsync();
        foreach (var card in cards)
        {
            var replayed = card.OpeningBalanceTiyn - entries.Where(e => e.CardId == card.Id).Sum(e => e.AmountTiyn);
            replayed.Should().Be(card.BalanceTiyn, $"card {card.Id}'s ledger replays to its balance");
        }

        var products = await db.Products.Select(p => new { p.Id, p.Stock }).ToListAsync();
        var movements = await db.StockMovements.Select(m => new { m.ProductId, m.Delta }).ToListAsync();
        foreach (var product in products)
        {
            movements.Where(m => m.ProductId == product.Id).Sum(m => m.Delta).Should().Be(product.Stock, $"product {product.Id}'s stock ledger replays to its stock");
        }

        var orders = await db.Orders.Select(o => new { o.Id, o.Number, o.Status, o.PaymentMethod, o.TotalTiyn }).ToListAsync();
        var byOrder = (await db.Payments.Select(p => new { p.OrderId, p.AmountTiyn }).ToListAsync())
            .GroupBy(p => p.OrderId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountTiyn));
        var sold = (await db.StockMovements.Where(m => m.OrderId != null).Select(m => new { OrderId = m.OrderId!.Value, m.Delta }).ToListAsync())
            .GroupBy(m => m.OrderId).ToDictionary(g => g.Key, g => g.Sum(m => m.Delta));
        var units = (await db.OrderLines.Select(l => new { l.OrderId, l.Quantity }).ToListAsync())
            .GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        foreach (var order in orders)
        {
            var undone = order.Status is OrderStatus.Cancelled or OrderStatus.Refunded;
            var cashCollected = order.Status is OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.ReturnRequested;
            var kept = undone ? 0 : order.PaymentMethod == PaymentMethods.Card || cashCollected ? order.TotalTiyn : 0;
            byOrder.GetValueOrDefault(order.Id).Should().Be(kept, $"order {order.Number} ({order.PaymentMethod}, {order.Status}) keeps what its state says");
            sold.GetValueOrDefault(order.Id).Should().Be(undone ? 0 : -units[order.Id], $"order {order.Number}'s units are out of stock unless it was undone");
        }
    }
}
