using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Inventory;
using Checkout.Web.Features.Loyalty;
using Checkout.Web.Infrastructure.Idempotency;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Checkout;

/// <summary>
/// Pays for a shopper's cart from one of their cards in one database transaction: take the cart,
/// price it, debit the card and decrement stock with guarded statements, write the order and its
/// payment, empty the cart and release its reservations, commit. Any refusal rolls everything back and
/// leaves the cart as it was. Cash on delivery places the order the same way without the card: its
/// payment is recorded when the order is delivered; an account none of whose orders was ever delivered may have only
/// <see cref="CashOnDeliveryOptions.NewShopperMaxOpen"/> open in such orders, checked with the cart taken (a shopper has
/// one cart, so two checkouts of one shopper queue and the second sees the first's order).
/// </summary>
public sealed class CheckoutService(
    ShopDbContext db, WriteTransactions writes, TimeProvider clock, OrderNumber orderNumbers, OutboxEvents events, IdempotencyClaim idempotency,
    IOptions<CashOnDeliveryOptions> cashOnDelivery, PointsWallet points)
{
    private const int Attempts = 3;

    /// <param name="expectedTotal">The total the shopper was shown, when the client sends it: a cart changed in another tab is refused, not charged.</param>
    /// <remarks>A request that claimed an <c>Idempotency-Key</c> gets the order number recorded on it in the same commit.</remarks>
    public Task<CheckoutResult> PayWithCardAsync(string userId, Guid? cartId, int? cardId, Money? expectedTotal = null, CancellationToken ct = default) =>
        PlaceAsync(userId, cartId, PaymentMethods.Card, cardId, expectedTotal, ct);

    /// <summary>Places the order to be paid in cash on delivery: no debit now.</summary>
    public Task<CheckoutResult> PayOnDeliveryAsync(string userId, Guid? cartId, Money? expectedTotal = null, CancellationToken ct = default) =>
        PlaceAsync(userId, cartId, PaymentMethods.CashOnDelivery, cardId: null, expectedTotal, ct);

    private async Task<CheckoutResult> PlaceAsync(string userId, Guid? cartId, string method, int? cardId, Money? expectedTotal, CancellationToken ct)
    {
        if (cartId is not { } id)
        {
            return CheckoutResult.Fail(CheckoutError.CartEmpty);
        }

        for (var attempt = 1; ; attempt++)
        {
            var number = orderNumbers.New(clock.GetUtcNow());
            try
            {
                return await PayOnceAsync(userId, id, method, cardId, expectedTotal, number, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Everything was rolled back. A taken order number is retried under a fresh one; anything else is a fault.
                if (!await IsTakenAsync(number, ct))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> IsTakenAsync(string number, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Orders.AnyAsync(o => o.Number == number, ct);
    }

    private async Task<CheckoutResult> PayOnceAsync(string userId, Guid id, string method, int? cardId, Money? expectedTotal, string number, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        var byCard = method == PaymentMethods.Card;

        // Taking the cart first makes a second checkout of the same cart wait for this one, then find it empty.
        var taken = await db.Carts
            .Where(c => c.Id == id && c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), ct);
        var lines = taken == 1 ? await LoadLinesAsync(id, ct) : [];
        if (lines.Count == 0)
        {
            return CheckoutResult.Fail(CheckoutError.CartEmpty);
        }

        if (byCard && cardId is null)
        {
            return CheckoutResult.Fail(CheckoutError.CardRequired);
        }

        var totals = OrderTotals.For(lines.Select(l => (new Money(l.UnitPriceTiyn), l.Quantity)));
        var total = totals.Total.Tiyn;

        // The debit is one guarded statement that also reads the new balance; a refusal below rolls it back with the rest.
        var newBalance = byCard ? await DebitAsync(userId, cardId!.Value, total, ct) : null;
        if (byCard && newBalance is null && !await db.Cards.AnyAsync(c => c.Id == cardId && c.UserId == userId, ct))
        {
            return CheckoutResult.Fail(CheckoutError.CardNotFound);
        }

        if (expectedTotal is { } shown && shown != totals.Total)
        {
            return CheckoutResult.CartChanged(totals);
        }

        if (byCard && newBalance is null)
        {
            return CheckoutResult.Fail(CheckoutError.InsufficientFunds);
        }

        if (!byCard && await OpenCashOverLimitAsync(userId, totals.Total, ct))
        {
            return CheckoutResult.Fail(CheckoutError.CashOnDeliveryLimit);
        }

        var shopper = await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.PhoneNumber, u.DeliveryAddress, u.Email })
            .FirstAsync(ct);
        if (string.IsNullOrWhiteSpace(shopper.DeliveryAddress))
        {
            return CheckoutResult.Fail(CheckoutError.AddressRequired);
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var order = Order.Place(number, new Actor(Actors.Shopper, userId, shopper.Email), method, byCard ? cardId : null,
            new OrderRecipient(shopper.FullName, shopper.PhoneNumber ?? "", shopper.DeliveryAddress),
            [.. lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId,
                StoreId = l.StoreId,
                ProductName = l.Name,
                Color = l.Color,
                Storage = l.Storage,
                StoreName = l.StoreName,
                UnitPriceTiyn = l.UnitPriceTiyn,
                Quantity = l.Quantity,
            })],
            nowUtc);
        db.Orders.Add(order);
        events.Add(db, OutboxEvents.OrderCreated, order.Number, new OrderCreatedEvent(order.Number, total));
        await db.SaveChangesAsync(ct);
        await points.EarnAtCheckoutAsync(db, order, ct);

        await db.CartLines.Where(l => l.CartId == id).ExecuteDeleteAsync(ct);
        await db.StockReservations.Where(r => r.CartId == id).ExecuteDeleteAsync(ct);
        await idempotency.RecordOutcomeAsync(db, number, ct); // in this commit: a retry after a crash is told, not charged again

        // The products last, right before the commit: in a flash sale every checkout queues on the same product row, so
        // it is held for two statements and the commit, not for the whole checkout. In one fixed order, so two checkouts
        // can't lock them crosswise. The cart's own reservation (deleted above) becomes the sale; other carts' live
        // reservations stay untouchable, expired ones count for nothing.
        foreach (var line in lines.OrderBy(l => l.ProductId))
        {
            await Stock.LockAsync(db, line.ProductId, ct);
            var heldByOthers = Stock.HeldByOthers(db, line.ProductId, id, nowUtc);
            var sold = await db.Products
                .Where(p => p.Id == line.ProductId && p.Stock - heldByOthers.Sum() >= line.Quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock - line.Quantity), ct);
            if (sold != 1)
            {
                return CheckoutResult.OutOfStock(line.Name, await Stock.AvailableAsync(db, line.ProductId, id, nowUtc, ct));
            }
        }

        await transaction.CommitAsync(ct);
        return CheckoutResult.Paid(order.Number, totals.Total, new Money(newBalance ?? 0));
    }

    /// <summary>Takes <paramref name="total"/> from the shopper's card if it holds that much; the new balance, or null when it doesn't (or isn't theirs).</summary>
    private async Task<long?> DebitAsync(string userId, int cardId, long total, CancellationToken ct)
    {
        var balances = await db.Database.SqlQuery<long>($"""
            UPDATE "Cards" SET "BalanceTiyn" = "BalanceTiyn" - {total}
            WHERE "Id" = {cardId} AND "UserId" = {userId} AND "BalanceTiyn" >= {total}
            RETURNING "BalanceTiyn" AS "Value"
            """).ToListAsync(ct);
        return balances is [var balance] ? balance : null;
    }

    /// <summary>
    /// Whether a cash order of <paramref name="total"/> would take the shopper's open cash orders past the limit; an
    /// order once handed over (delivered, completed, or returned since) lifts it.
    /// </summary>
    private async Task<bool> OpenCashOverLimitAsync(string userId, Money total, CancellationToken ct)
    {
        var mine = db.Orders.Where(o => o.UserId == userId);
        var received = await mine.AnyAsync(o => o.Status == OrderStatus.Delivered || o.Status == OrderStatus.Completed
            || o.Status == OrderStatus.ReturnRequested || o.Status == OrderStatus.Refunded, ct);
        if (received)
        {
            return false;
        }

        var open = await mine
            .Where(o => o.PaymentMethod == PaymentMethods.CashOnDelivery
                && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Processing || o.Status == OrderStatus.Shipped))
            .SumAsync(o => o.TotalTiyn, ct);
        return new Money(open) + total > Money.FromTenge(cashOnDelivery.Value.NewShopperMaxOpen);
    }

    /// <summary>Each line at its product's cheapest offer (lowest store id on a tie), read inside the transaction.</summary>
    private Task<List<PricedLine>> LoadLinesAsync(Guid cartId, CancellationToken ct) =>
        db.CartLines
            .Where(l => l.CartId == cartId)
            .OrderBy(l => l.AddedUtc).ThenBy(l => l.Id)
            .Select(l => new
            {
                l.ProductId,
                l.Quantity,
                l.Product!.Name,
                l.Product.Color,
                l.Product.Storage,
                Offer = l.Product.Offers
                    .OrderBy(o => o.PriceTiyn).ThenBy(o => o.StoreId)
                    .Select(o => new { o.StoreId, StoreName = o.Store!.Name, o.PriceTiyn })
                    .First(),
            })
            .Select(l => new PricedLine(l.ProductId, l.Quantity, l.Name, l.Color, l.Storage,
                l.Offer.StoreId, l.Offer.StoreName, l.Offer.PriceTiyn))
            .ToListAsync(ct);

    private sealed record PricedLine(int ProductId, int Quantity, string Name, string Color, string Storage,
        int StoreId, string StoreName, long UnitPriceTiyn);
}
