using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Outbox;

/// <summary>
/// Counts each order once into its day's sales (orders, units, revenue) for the admin's charts. The count is made in
/// the delivery's transaction, which also marks the message processed, so a repeated delivery can't count twice.
/// </summary>
public sealed class DailySalesCounter : IOutboxBatchHandler
{
    public string EventType => OutboxEvents.OrderCreated;

    public const string HandlerName = "daily-sales";

    public string Name => HandlerName;

    public bool WritesDatabase => true;

    public Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct) => HandleBatchAsync([message], db, ct);

    /// <summary>The batch's orders read in one query, then one upsert per day they fall on (almost always one).</summary>
    public async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, ShopDbContext db, CancellationToken ct)
    {
        var numbers = messages.Select(m => OutboxEvents.Read<OrderCreatedEvent>(m).OrderNumber).ToList();
        var orders = await db.Orders
            .Where(o => numbers.Contains(o.Number))
            .Select(o => new { o.Number, o.CreatedUtc, o.TotalTiyn, Units = o.Lines.Sum(l => l.Quantity) })
            .ToDictionaryAsync(o => o.Number, ct);
        var counted = numbers.Select(n => orders.TryGetValue(n, out var order) ? order : throw new InvalidOperationException($"Order {n} not found."));
        foreach (var day in counted.GroupBy(o => ShopTime.Day(o.CreatedUtc)))
        {
            var (count, units, revenue) = (day.Count(), day.Sum(o => o.Units), day.Sum(o => o.TotalTiyn));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DailySales" ("Day", "Orders", "Units", "RevenueTiyn") VALUES ({day.Key}, {count}, {units}, {revenue})
                ON CONFLICT ("Day") DO UPDATE SET
                    "Orders" = "DailySales"."Orders" + excluded."Orders",
                    "Units" = "DailySales"."Units" + excluded."Units",
                    "RevenueTiyn" = "DailySales"."RevenueTiyn" + excluded."RevenueTiyn"
                """, ct);
        }
    }
}
