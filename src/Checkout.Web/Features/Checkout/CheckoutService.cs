using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Inventory;
using Checkout.Web.Features.Loyalty;
using Checkout.Web.Features.Payments;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Infrastructure.Idempotency;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Checkout;

/// <summary>
/// Pays for a shopper's cart in one database transaction: take the cart, price it (<see cref="Pricing"/>: its coupon,
/// checked again here, and the points asked for), debit the card, spend the points and decrement stock with guarded
/// statements, write the order and its payment, earn its points, count the coupon's use with a guarded statement, empty the cart and
/// release its reservations, commit. Any refusal rolls everything back and leaves the cart as it was. Cash on delivery
/// places the order the same way without the card: its payment is recorded when the order is delivered; an account
/// none of whose orders was ever delivered may have only <see cref="CashOnDeliveryOptions.NewShopperMaxOpen"/> open in
/// such orders, checked with the cart taken (a shopper has one cart, so two checkouts of one shopper queue and the second
/// sees the first's order). An order that costs nothing (a coupon took it all) is placed free, whatever method was asked
/// for: no card is touched. An online order opens its payment at the gateway first, under the order number it will have
/// and for the total the cart costs then, and is placed awaiting that payment (<see cref="PayOnlineAsync"/>).
/// </summary>
public sealed class CheckoutService(
    ShopDbContext db, WriteTransactions writes, TimeProvider clock, OrderNumber orderNumbers, OutboxEvents events, IdempotencyClaim idempotency,
    IOptions<CashOnDeliveryOptions> cashOnDelivery, PricingSettings pricing, PointsWallet points, IPaymentGateway gateway,
    IOptions<OnlinePaymentOptions> online)
{
    private const int Attempts = 3;

    /// <param name="expectedTotal">
    /// The total the shopper was shown before points, when the client sends it: a cart (or coupon) changed in another tab
    /// is refused, not charged.
    /// </param>
    /// <param name="pointsRequested">Whole points to pay part of the goods with (0 for none).</param>
    /// <remarks>A request that claimed an <c>Idempotency-Key</c> gets the order number recorded on it in the same commit.</remarks>
    public Task<CheckoutResult> PayWithCardAsync(string userId, Guid? cartId, int? cardId, Money? expectedTotal = null, long pointsRequested = 0,
        CancellationToken ct = default) =>
        PlaceAsync(userId, cartId, PaymentMethods.Card, cardId, expectedTotal, pointsRequested, ct);

    /// <summary>Places the order to be paid in cash on delivery: no debit now.</summary>
    public Task<CheckoutResult> PayOnDeliveryAsync(string userId, Guid? cartId, Money? expectedTotal = null, long pointsRequested = 0,
        CancellationToken ct = default) =>
        PlaceAsync(userId, cartId, PaymentMethods.CashOnDelivery, cardId: null, expectedTotal, pointsRequested, ct);

    /// <summary>
    /// Places the order awaiting an online payment: the gateway opens the payment first (invoice = the order's number,
    /// amount = what the cart costs now), then one transaction holds the stock, the coupon and the points, empties the
    /// cart and writes the order with its deadline. The gateway down: nothing is held, the cart stays. A cart whose price
    /// moved meanwhile is refused as changed (the payment opened stays unpaid). An order that costs nothing is placed free.
    /// </summary>
    /// <param name="returnUrl">Where the hosted page sends the shopper back to, for an order number.</param>
    /// <param name="saveCard">The shopper asks to save the card: the hosted page offers it, and the Pay notification brings its token.</param>
    public Task<CheckoutResult> PayOnlineAsync(string userId, Guid? cartId, Func<string, Uri> returnUrl, Money? expectedTotal = null, long pointsRequested = 0,
        CancellationToken ct = default, bool saveCard = false) =>
        PlaceAsync(userId, cartId, PaymentMethods.Online, cardId: null, expectedTotal, pointsRequested, ct, new HostedPage(returnUrl, saveCard));

    /// <summary>
    /// Places the order awaiting an online payment that a saved card is about to make (no hosted page): held as
    /// <see cref="PayOnlineAsync"/> holds it, for the total the cart costs now.
    /// </summary>
    public Task<CheckoutResult> HoldForSavedCardAsync(string userId, Guid? cartId, Money? expectedTotal = null, long pointsRequested = 0,
        CancellationToken ct = default) =>
        PlaceAsync(userId, cartId, PaymentMethods.Online, cardId: null, expectedTotal, pointsRequested, ct);

    private async Task<CheckoutResult> PlaceAsync(string userId, Guid? cartId, string method, int? cardId, Money? expectedTotal, long pointsRequested,
        CancellationToken ct, HostedPage? hostedPage = null)
    {
        if (cartId is not { } id)
        {
            return CheckoutResult.Fail(CheckoutError.CartEmpty);
        }

        for (var attempt = 1; ; attempt++)
        {
            var number = orderNumbers.New(clock.GetUtcNow());
            var asked = new Attempt(userId, id, method, cardId, expectedTotal, pointsRequested, number);
            try
            {
                if (method == PaymentMethods.Online && await QuoteAsync(userId, id, pointsRequested, ct) is { IsFree: false } quote)
                {
                    var link = hostedPage is null ? null : await OpenPaymentAsync(userId, number, quote.Total, hostedPage, ct);
                    if (hostedPage is not null && link is null)
                    {
                        return CheckoutResult.Fail(CheckoutError.GatewayUnavailable);
                    }

                    asked = asked with { Online = new OnlinePayment(quote.Total, link) };
                }

                return await PayOnceAsync(asked, ct);
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

    /// <summary>The cart priced as the checkout would price it now, read without taking it; null when the checkout would refuse it.</summary>
    private async Task<PricedOrder?> QuoteAsync(string userId, Guid cartId, long pointsRequested, CancellationToken ct)
    {
        if (!await db.Carts.AnyAsync(c => c.Id == cartId && c.UserId == userId, ct))
        {
            return null;
        }

        var lines = await LoadLinesAsync(cartId, ct);
        if (lines.Count == 0)
        {
            return null;
        }

        var coupon = lines[0].CouponId is { } couponId ? await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId, ct) : null;
        var priced = Pricing.Price([.. lines.Select(l => l.ToPricing())], coupon?.Terms, pointsRequested, pricing);
        return priced.Refused ? null : priced;
    }

    /// <summary>Opens the gateway's payment for the order about to be placed; null when the gateway can't (down, refusing, not configured).</summary>
    private async Task<GatewayPaymentLink?> OpenPaymentAsync(string userId, string number, Money total, HostedPage page, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var opened = await gateway.CreatePaymentAsync(
            new GatewayPaymentRequest(number, total, TengeAmount.Currency, number, email, page.ReturnUrl(number), page.SaveCard, AccountId: userId), ct);
        return opened.Succeeded ? opened.Value : null;
    }

    private async Task<bool> IsTakenAsync(string number, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Orders.AnyAsync(o => o.Number == number, ct);
    }

    private async Task<CheckoutResult> PayOnceAsync(Attempt asked, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        var (userId, id, number) = (asked.UserId, asked.CartId, asked.Number);

        // Taking the cart first makes a second checkout of the same cart wait for this one, then find it empty.
        var taken = await db.Carts
            .Where(c => c.Id == id && c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), ct);
        var lines = taken == 1 ? await LoadLinesAsync(id, ct) : [];
        if (lines.Count == 0)
        {
            return CheckoutResult.Fail(CheckoutError.CartEmpty);
        }

        // The coupon is checked again here, with the cart taken: its dates, its uses left, the shopper's own uses.
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var coupon = lines[0].CouponId is { } couponId ? await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId, ct) : null;
        CouponUse? use = null;
        if (coupon is not null)
        {
            var (problem, slot) = await CouponService.CheckAsync(db, coupon, userId, nowUtc, ct);
            if (problem != CouponProblem.None)
            {
                return CheckoutResult.CouponRefused(problem, coupon);
            }

            use = new CouponUse(coupon.Id, coupon.Code, slot);
        }

        var priced = Pricing.Price([.. lines.Select(l => l.ToPricing())], coupon?.Terms, asked.Points, pricing);
        switch (priced.Refusal)
        {
            case PricingRefusal.CouponBelowMinimum:
                return CheckoutResult.CouponRefused(CouponProblem.BelowMinimum, coupon!, priced.CouponShortBy);
            case PricingRefusal.PointsOverLimit:
                return CheckoutResult.TooManyPoints(priced.MaxPoints);
        }

        var method = priced.IsFree ? PaymentMethods.Free : asked.Method;
        var byCard = method == PaymentMethods.Card;
        if (byCard && asked.CardId is null)
        {
            return CheckoutResult.Fail(CheckoutError.CardRequired);
        }

        // The debit is one guarded statement that also reads the new balance; a refusal below rolls it back with the rest.
        var total = priced.Total.Tiyn;
        var newBalance = byCard ? await DebitAsync(userId, asked.CardId!.Value, total, ct) : null;
        if (byCard && newBalance is null && !await db.Cards.AnyAsync(c => c.Id == asked.CardId && c.UserId == userId, ct))
        {
            return CheckoutResult.Fail(CheckoutError.CardNotFound);
        }

        if ((asked.ExpectedTotal is { } shown && shown != priced.DueBeforePoints) || (method == PaymentMethods.Online && asked.Online?.Total != priced.Total))
        {
            return CheckoutResult.CartChanged(priced); // an online payment was opened for another total: it stays unpaid
        }

        if (byCard && newBalance is null)
        {
            return CheckoutResult.Fail(CheckoutError.InsufficientFunds);
        }

        // The points after the card, as a cancel gives them back after the card's refund: the two never lock crosswise.
        if (!await points.SpendAsync(db, userId, number, priced.PointsUsed, ct))
        {
            return CheckoutResult.Fail(CheckoutError.PointsNotEnough);
        }

        if (method == PaymentMethods.CashOnDelivery && await OpenCashOverLimitAsync(userId, priced.Total, ct))
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

        var order = Order.Place(number, new Actor(Actors.Shopper, userId, shopper.Email), method, byCard ? asked.CardId : null,
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
            priced,
            use,
            nowUtc,
            method == PaymentMethods.Online ? nowUtc + online.Value.PaymentWindow : null);
        db.Orders.Add(order);
        events.Add(db, OutboxEvents.OrderCreated, order.Number, new OrderCreatedEvent(order.Number, total));
        if (method is PaymentMethods.Card or PaymentMethods.Free)
        {
            events.Add(db, OutboxEvents.OrderPaid, order.Number, new OrderPaidEvent(order.Number)); // paid by card, or nothing to pay
        }
        await db.SaveChangesAsync(ct); // the order, its lines, VAT, charge, sale, timeline and the coupon's redemption
        if (asked.Online is { Link: var link })
        {
            db.PaymentAttempts.Add(new PaymentAttempt
            {
                OrderId = order.Id, Kind = PaymentAttemptKinds.Created, InvoiceId = number, TransactionId = link?.GatewayOrderId,
                AmountTiyn = total, Note = link is null ? "saved card" : null, CreatedUtc = nowUtc,
            });
            await db.SaveChangesAsync(ct);
        }

        await points.EarnAtCheckoutAsync(db, order, ct);

        await db.CartLines.Where(l => l.CartId == id).ExecuteDeleteAsync(ct);
        await db.StockReservations.Where(r => r.CartId == id).ExecuteDeleteAsync(ct);
        await idempotency.RecordOutcomeAsync(db, number, ct); // in this commit: a retry after a crash is told, not charged again

        // The hot rows last, right before the commit, each in one fixed order so two checkouts can't lock them
        // crosswise: the coupon (every checkout with it queues on its row; the last use goes once), then the products
        // (in a flash sale every checkout queues on the same product row, held for two statements and the commit, not
        // for the whole checkout). The cart's own reservation (deleted above) becomes the sale; other carts' live
        // reservations stay untouchable, expired ones count for nothing.
        if (use is not null)
        {
            if (!await CouponService.TakeUseAsync(db, use.CouponId, nowUtc, ct))
            {
                return CheckoutResult.CouponRefused(CouponProblem.UsedUp, coupon!);
            }

            await db.Carts.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CouponId, (int?)null), ct);
        }

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
        return CheckoutResult.Paid(order.Number, method, priced, new Money(newBalance ?? 0)) with { PaymentUrl = asked.Online?.Link?.PaymentUrl };
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

    /// <summary>
    /// Each line at its product's cheapest offer (lowest store id on a tie), with the cart's coupon (the same on every
    /// line: no statement of its own when there is none), read inside the transaction.
    /// </summary>
    private Task<List<CartLineAtPrice>> LoadLinesAsync(Guid cartId, CancellationToken ct) =>
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
                l.Product.VatRate,
                Offer = l.Product.Offers
                    .OrderBy(o => o.PriceTiyn).ThenBy(o => o.StoreId)
                    .Select(o => new { o.StoreId, StoreName = o.Store!.Name, o.PriceTiyn })
                    .First(),
                CouponId = db.Carts.Where(c => c.Id == l.CartId).Select(c => c.CouponId).FirstOrDefault(),
            })
            .Select(l => new CartLineAtPrice(l.ProductId, l.Quantity, l.Name, l.Color, l.Storage, l.VatRate,
                l.Offer.StoreId, l.Offer.StoreName, l.Offer.PriceTiyn, l.CouponId))
            .ToListAsync(ct);

    /// <summary>What one payment attempt asks for, under the order number it would get.</summary>
    private sealed record Attempt(string UserId, Guid CartId, string Method, int? CardId, Money? ExpectedTotal, long Points, string Number)
    {
        /// <summary>An online order's payment, opened at the gateway for this total.</summary>
        public OnlinePayment? Online { get; init; }
    }

    /// <param name="Link">The hosted page opened for it; null for a saved card's charge.</param>
    private sealed record OnlinePayment(Money Total, GatewayPaymentLink? Link);

    private sealed record HostedPage(Func<string, Uri> ReturnUrl, bool SaveCard);

    private sealed record CartLineAtPrice(int ProductId, int Quantity, string Name, string Color, string Storage, int VatRate,
        int StoreId, string StoreName, long UnitPriceTiyn, int? CouponId)
    {
        public PricingLine ToPricing() => new(new Money(UnitPriceTiyn), Quantity, VatRate);
    }
}
