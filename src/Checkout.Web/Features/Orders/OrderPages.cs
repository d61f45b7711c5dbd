using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Orders;

/// <summary>Loads an order with everything its page shows: lines, timeline, ledger, return request, card.</summary>
public static class OrderPages
{
    public static async Task<OrderDetails?> LoadAsync(ShopDbContext db, string number, string? userId, CancellationToken ct)
    {
        var order = await db.Orders
            .Include(o => o.Lines)
            .Include(o => o.Events)
            .Include(o => o.Ledger)
            .AsNoTracking()
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Number == number && (userId == null || o.UserId == userId), ct);
        if (order is null)
        {
            return null;
        }

        var cardName = await db.Cards.Where(c => c.Id == order.CardId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var returnRequest = await db.Returns.AsNoTracking().FirstOrDefaultAsync(r => r.OrderId == order.Id, ct);
        var customer = await db.Users.Where(u => u.Id == order.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return new OrderDetails(order, cardName, returnRequest, customer ?? "");
    }
}

public sealed record OrderDetails(Order Order, string? CardName, ReturnRequest? Return, string CustomerEmail)
{
    public bool ShopperMayCancel => OrderTransitions.ShopperMayCancel(Order.Status);

    public bool ShopperMayRequestReturn => Return is null && OrderTransitions.ShopperMayRequestReturn(Order.Status);

    /// <summary>The states an admin may move the order to from here with the status form.</summary>
    public IReadOnlyList<string> AdminNext =>
        Order.Status == OrderStatus.ReturnRequested
            ? []
            : [.. OrderTransitions.From(Order.Status).Where(OrderTransitions.AdminSettable.Contains)];

    public IEnumerable<OrderEvent> Timeline => Order.Events.OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id);
}
