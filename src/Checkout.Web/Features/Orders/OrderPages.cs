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
            .Include(o => o.Vat)
            .Include(o => o.Events)
            .Include(o => o.Ledger)
            .Include(o => o.Return)
            .AsNoTracking()
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Number == number && (userId == null || o.UserId == userId), ct);
        if (order is null)
        {
            return null;
        }

        var cardName = await db.Cards.Where(c => c.Id == order.CardId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var customer = await db.Users.Where(u => u.Id == order.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return new OrderDetails(order, cardName, customer ?? "");
    }
}

/// <summary>An order's page; which buttons it shows, the order itself says.</summary>
public sealed record OrderDetails(Order Order, string? CardName, string CustomerEmail)
{
    /// <summary>Asked for by the page the shopper just paid on: head the page with what was paid, or is due on delivery.</summary>
    public bool ShowReceipt { get; init; }

    /// <summary>The receipt while the order stands; once cancelled or refunded its own state says what happened.</summary>
    public bool HasReceipt => ShowReceipt && Order.Status is not (OrderStatus.Cancelled or OrderStatus.Refunded);

    public ReturnRequest? Return => Order.Return;

    public bool ShopperMayCancel => Order.NextFor(Actors.Shopper).Contains(OrderStatus.Cancelled);

    public bool ShopperMayRequestReturn => Order.MayRequestReturn;

    /// <summary>The states an admin may move the order to from here with the status form.</summary>
    public IReadOnlyList<OrderStatus> AdminNext => Order.NextFor(Actors.Admin);

    /// <summary>A pending return: decided in the returns queue, with approve and reject.</summary>
    public bool AwaitsReturnDecision => Order.Status == OrderStatus.ReturnRequested;

    public IEnumerable<OrderEvent> Timeline => Order.Events.OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id);
}
