using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Outbox;

/// <summary>
/// Counts each order once into its day's sales (orders, units, revenue) for the admin's charts. The count is made in
/// the delivery's transaction, which also marks the message processed, so a repeated delivery can't count twice.
/// </summary>
public sealed class DailySalesCounter : IOutboxHandler
{
    public string EventType => OutboxEvents.OrderCreated;

    public const string HandlerName = "daily-sales";

    public string Name => HandlerName;

    public bool WritesDatabase => true;

    public async Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
    {
        var number = OutboxEvents.Read<OrderCreatedEvent>(message).OrderNumber;
        var order = await db.Orders
            .Where(o => o.Number == number)
            .Select(o => new { o.CreatedUtc, o.TotalTiyn, Units = o.Lines.Sum(l => l.Quantity) })
            .SingleAsync(ct);
        var day = ShopTime.Day(order.CreatedUtc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DailySales" ("Day", "Orders", "Units", "RevenueTiyn") VALUES ({day}, 1, {order.Units}, {order.TotalTiyn})
            ON CONFLICT ("Day") DO UPDATE SET
                "Orders" = "DailySales"."Orders" + 1,
                "Units" = "DailySales"."Units" + excluded."Units",
                "RevenueTiyn" = "DailySales"."RevenueTiyn" + excluded."RevenueTiyn"
            """, ct);
    }
}
