using System.Data;
using System.Globalization;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;
using Checkout.Web.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Checkout.Web.Operations;

/// <summary>
/// The shop's books, checked from the database alone. Money: every card's opening balance − Σ its ledger entries
/// (refunds negative) = its balance, and every order's entries sum to what its state keeps (<see cref="Order.KeptTiyn"/>).
/// Prices: every order's totals, VAT per rate and lines' shares are what <see cref="Pricing"/> gives its lines. Coupons:
/// each coupon's uses = its redemptions = its standing (not cancelled) orders, within its limits.
/// Stock: every product's movements sum to its stock, and every order took its units out unless it was undone.
/// Nothing below zero. Events: every order's <c>order.created</c> written for each handler and delivered once in
/// effect (one e-mail file per order, daily sales equal to the orders counted). Points: every shopper's ledger entries
/// sum to their balance, none below zero, and every order's entries fit its state. Referrals (LedgerCheck.Referrals.cs):
/// every paid order distributed once, its shares summing to R, taken back if undone, and the accounts never below zero. Used by <c>verify</c>, the load
/// generator, the crash test and the integration tests.
/// </summary>
public sealed partial class LedgerCheck(ShopDbContext db, IReadOnlyCollection<string> orderCreatedHandlers, string? pickupDirectory)
{
    private static readonly NumberFormatInfo Spaced = new() { NumberGroupSeparator = " " };

    /// <summary>Messages not yet delivered (neither processed nor dead): the worker is still at it.</summary>
    public Task<int> PendingDeliveriesAsync(CancellationToken ct) =>
        db.OutboxMessages.CountAsync(m => m.ProcessedUtc == null && m.DeadLetteredUtc == null, ct);

    public async Task<IReadOnlyList<Finding>> RunAsync(CancellationToken ct)
    {
        // One snapshot for every query, so a shop still paying and delivering can't be caught half-way.
        await using var snapshot = await BeginSnapshotAsync(ct);
        return
        [
            await CardsAsync(ct),
            await BelowZeroAsync(ct),
            await OrdersPaidAsync(ct),
            await OnlineChargesAsync(ct),
            await OrdersPricedAsync(ct),
            await CouponsAsync(ct),
            await StockAsync(ct),
            await OrdersStockAsync(ct),
            await PointsAsync(ct),
            await OrdersPointsAsync(ct),
            await ReferralDistributionsAsync(ct),
            await ReferralPointsAsync(ct),
            await ReferralAccountsAsync(ct),
            await EventsWrittenAsync(ct),
            await DeliveriesAsync(ct),
            await DailySalesAsync(ct),
            .. pickupDirectory is null ? [] : new[] { await EmailsAsync(pickupDirectory, ct) },
        ];
    }

    private async Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }

        // A deferred transaction only reads: it takes no write lock from the running shop (BEGIN IMMEDIATE would).
        await db.Database.OpenConnectionAsync(ct);
        return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct)
            ?? throw new InvalidOperationException("No transaction.");
    }

    private async Task<Finding> CardsAsync(CancellationToken ct)
    {
        var cards = await db.Cards
            .Select(c => new
            {
                c.Id, c.Name, c.OpeningBalanceTiyn, c.BalanceTiyn,
                Paid = db.LedgerEntries.Where(p => p.CardId == c.Id).Sum(p => (long?)p.AmountTiyn) ?? 0,
            })
            .ToListAsync(ct);
        var off = cards.Where(c => c.OpeningBalanceTiyn - c.Paid != c.BalanceTiyn)
            .Select(c => $"card {c.Id} ({c.Name}): opening {new Money(c.OpeningBalanceTiyn)} − entries {new Money(c.Paid)} = {new Money(c.OpeningBalanceTiyn - c.Paid)}, but the balance is {new Money(c.BalanceTiyn)}")
            .ToList();
        return new Finding($"cards: opening balance − Σ its ledger entries = balance — {Count(cards.Count - off.Count)} of {Count(cards.Count)} agree", off);
    }

    private async Task<Finding> BelowZeroAsync(CancellationToken ct)
    {
        var cards = await db.Cards.Where(c => c.BalanceTiyn < 0).Select(c => $"card {c.Id} ({c.Name}): balance {c.BalanceTiyn} tiyn").ToListAsync(ct);
        var products = await db.Products.Where(p => p.Stock < 0).Select(p => $"product {p.Id} ({p.Name}): stock {p.Stock}").ToListAsync(ct);
        return new Finding($"nothing below zero — {Count(await db.Cards.CountAsync(ct))} card balances, {Count(await db.Products.CountAsync(ct))} product stocks",
            [.. cards, .. products]);
    }

    private async Task<Finding> OrdersPaidAsync(CancellationToken ct)
    {
        // An undone online order keeps its charge while the gateway's refund of it is still under way (its payment.refund
        // not yet delivered, nor given up): the money is at the gateway's, on its way back.
        var orders = await db.Orders
            .Select(o => new
            {
                o.Number, o.Status, o.PaymentMethod, o.TotalTiyn, Entries = o.Ledger.Sum(p => (long?)p.AmountTiyn) ?? 0,
                RefundUnderway = o.PaymentMethod == PaymentMethods.Online && (o.Status == OrderStatus.Cancelled || o.Status == OrderStatus.Refunded)
                    && !o.Ledger.Any(p => p.Kind == LedgerEntryKinds.Refund)
                    && db.OutboxMessages.Any(m => m.Type == OutboxEvents.PaymentRefund && m.Subject == o.Number && m.ProcessedUtc == null && m.DeadLetteredUtc == null)
                    ? o.Ledger.Where(p => p.Kind == LedgerEntryKinds.Charge).Sum(p => (long?)p.AmountTiyn) ?? 0 : 0,
            })
            .ToListAsync(ct);
        var ledger = await db.LedgerEntries.SumAsync(p => (long?)p.AmountTiyn, ct) ?? 0;
        var kept = orders.Where(o => o.Status.IsKnown()).Sum(o => Order.KeptTiyn(o.Status, o.PaymentMethod, o.TotalTiyn) + o.RefundUnderway);
        // A status this code doesn't know keeps nothing it could name: the order itself is the break.
        var off = orders
            .Where(o => !o.Status.IsKnown())
            .Select(o => $"order {o.Number} ({o.PaymentMethod}): its status is not one the shop knows, so what it keeps can't be said")
            .ToList();
        off.AddRange(orders
            .Where(o => o.Status.IsKnown() && o.Entries != Order.KeptTiyn(o.Status, o.PaymentMethod, o.TotalTiyn) + o.RefundUnderway)
            .Select(o => $"order {o.Number} ({o.PaymentMethod}, {o.Status.ToName()}): keeps {new Money(Order.KeptTiyn(o.Status, o.PaymentMethod, o.TotalTiyn) + o.RefundUnderway)}, its ledger entries sum to {new Money(o.Entries)}"));
        // Money comes from, and goes back to, the order's own card (cash entries have none).
        off.AddRange(await db.LedgerEntries
            .Join(db.Orders, p => p.OrderId, o => o.Id, (p, o) => new { p.Id, p.Kind, p.CardId, OrderCardId = o.CardId, o.Number })
            .Where(x => x.CardId != x.OrderCardId)
            .Select(x => $"order {x.Number}: ledger entry {x.Id} ({x.Kind}) is on card {x.CardId}, the order's card is {x.OrderCardId}")
            .ToListAsync(ct));
        return new Finding($"orders: each order's ledger entries = what its state keeps, on its own card — {Count(orders.Count - off.Count)} of {Count(orders.Count)} agree, Σ kept {new Money(kept)} = Σ ledger {new Money(ledger)}", off);
    }

    private async Task<Finding> OnlineChargesAsync(CancellationToken ct)
    {
        // Every online charge is one gateway transaction the gateway reported paid, and every paid transaction of an online
        // order is in the ledger once: as its charge, or given back (paid after its window, a second payment) with no charge
        // kept. Entries of cards and cash carry no gateway transaction; an order awaiting payment has no money yet.
        var online = await db.LedgerEntries
            .Join(db.Orders, p => p.OrderId, o => o.Id, (p, o) => new { p.Id, p.Kind, p.GatewayTransactionId, o.Number, o.PaymentMethod, o.Status })
            .Where(x => x.PaymentMethod == PaymentMethods.Online || x.GatewayTransactionId != null)
            .ToListAsync(ct);
        var paid = await db.PaymentAttempts
            .Where(a => a.Kind == PaymentAttemptKinds.Paid || (a.Kind == PaymentAttemptKinds.Refused && a.Code == 0))
            .Join(db.Orders, a => a.OrderId, o => o.Id, (a, o) => new { a.Kind, a.TransactionId, o.Number })
            .ToListAsync(ct);
        var off = new List<string>();
        off.AddRange(online.Where(x => x.PaymentMethod != PaymentMethods.Online)
            .Select(x => $"order {x.Number} ({x.PaymentMethod}): ledger entry {x.Id} ({x.Kind}) carries gateway transaction {x.GatewayTransactionId}"));
        off.AddRange(online.Where(x => x.PaymentMethod == PaymentMethods.Online && x.GatewayTransactionId is null)
            .Select(x => $"order {x.Number}: online ledger entry {x.Id} ({x.Kind}) has no gateway transaction"));
        off.AddRange(online.Where(x => x.PaymentMethod == PaymentMethods.Online && x.Status == OrderStatus.AwaitingPayment)
            .Select(x => $"order {x.Number}: awaits payment, yet ledger entry {x.Id} ({x.Kind}) is written"));
        var charges = online.Where(x => x.PaymentMethod == PaymentMethods.Online && x.Kind == LedgerEntryKinds.Charge && x.GatewayTransactionId is not null).ToList();
        off.AddRange(charges.Where(c => paid.Count(a => a.Number == c.Number && a.TransactionId == c.GatewayTransactionId) != 1)
            .Select(c => $"order {c.Number}: charge {c.Id} under transaction {c.GatewayTransactionId}, which the order's attempts report paid " +
                $"{paid.Count(a => a.Number == c.Number && a.TransactionId == c.GatewayTransactionId)} times"));
        off.AddRange(paid.Where(a => a.Kind == PaymentAttemptKinds.Paid && !charges.Exists(c => c.Number == a.Number && c.GatewayTransactionId == a.TransactionId))
            .Select(a => $"order {a.Number}: transaction {a.TransactionId} was confirmed paid, but no charge of the order carries it"));
        return new Finding($"online payments: each online charge is exactly one gateway transaction confirmed paid, and each confirmed payment one charge — " +
            $"{Count(charges.Count)} charges, {Count(paid.Count)} payments confirmed or given back", off);
    }

    private async Task<Finding> OrdersPricedAsync(CancellationToken ct)
    {
        // Each order priced again from its own snapshot: its lines at the prices paid and their rates, its discount as a
        // fixed amount (the coupon's terms may have changed since), its points, its delivery fee. The one pricing rule
        // must give back its totals, its VAT per rate and each line's shares to the tiyn.
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Vat).AsSplitQuery().ToListAsync(ct);
        var off = new List<string>();
        foreach (var order in orders)
        {
            var lines = order.Lines.OrderBy(l => l.Id).ToList();
            var asPlaced = new PricingSettings(100) { DeliveryFee = order.Delivery };
            var priced = Pricing.Price([.. lines.Select(l => new PricingLine(l.UnitPrice, l.Quantity, VatRates.IsAllowed(l.VatRate) ? l.VatRate : VatRates.Standard))],
                order.DiscountTiyn > 0 ? CouponTerms.AmountOff(order.Discount) : null, order.PointsTiyn / Money.TiynPerTenge, asPlaced);
            var vat = order.Vat.OrderByDescending(v => v.Rate).Select(v => (v.Rate, v.GrossTiyn, v.VatTiyn)).ToList();
            var wrong = new List<string>();
            if ((priced.Goods, priced.Discount, priced.Points, priced.Delivery, priced.Total) != (order.Subtotal, order.Discount, order.Points, order.Delivery, order.Total))
            {
                wrong.Add($"totals {order.Subtotal} − {order.Discount} − {order.Points} + {order.Delivery} = {order.Total}, priced {priced.Goods} − {priced.Discount} − {priced.Points} + {priced.Delivery} = {priced.Total}");
            }

            if (!vat.SequenceEqual(priced.Vat.Select(v => (v.Rate, v.Gross.Tiyn, v.Vat.Tiyn))) || order.VatTiyn != priced.VatTotal.Tiyn)
            {
                wrong.Add($"VAT {string.Join(", ", vat.Select(v => $"{v.Rate}% {new Money(v.VatTiyn)}"))} (in all {order.VatTotal}), priced {string.Join(", ", priced.Vat.Select(v => $"{v.Rate}% {v.Vat}"))}");
            }

            if (lines.Where((l, i) => l.VatRate != priced.Lines[i].VatRate || l.LineTotal != priced.Lines[i].LineTotal
                || l.DiscountTiyn != priced.Lines[i].Discount.Tiyn || l.PointsTiyn != priced.Lines[i].Points.Tiyn).Any())
            {
                wrong.Add("its lines' totals, rates or shares of discount and points are not the priced ones");
            }

            off.AddRange(wrong.Select(w => $"order {order.Number}: {w}"));
        }

        var bad = off.Select(o => o.Split(':')[0]).Distinct().Count();
        return new Finding($"orders' prices: each order's totals, VAT per rate and line shares are what Pricing gives its lines — {Count(orders.Count - bad)} of {Count(orders.Count)} agree", off);
    }

    private async Task<Finding> CouponsAsync(CancellationToken ct)
    {
        var coupons = await db.Coupons
            .Select(c => new
            {
                c.Id, c.Code, c.Used, c.UsageLimit, c.PerShopperLimit,
                Redemptions = db.CouponRedemptions.Count(r => r.CouponId == c.Id),
                Standing = db.Orders.Count(o => o.CouponId == c.Id && o.Status != OrderStatus.Cancelled),
            })
            .ToListAsync(ct);
        var off = coupons
            .Where(c => c.Used != c.Redemptions || c.Redemptions != c.Standing)
            .Select(c => $"coupon {c.Code}: {c.Used} uses, {c.Redemptions} redemptions, {c.Standing} standing orders with it")
            .ToList();
        off.AddRange(coupons.Where(c => c.Used > c.UsageLimit).Select(c => $"coupon {c.Code}: {c.Used} uses of its {c.UsageLimit}"));
        // Each redemption belongs to a standing order placed with that very coupon.
        off.AddRange(await db.CouponRedemptions
            .Join(db.Orders, r => r.OrderId, o => o.Id, (r, o) => new { r.Id, r.CouponId, OrderCouponId = o.CouponId, o.Number, o.Status })
            .Where(x => x.OrderCouponId != x.CouponId || x.Status == OrderStatus.Cancelled)
            .Select(x => $"order {x.Number}: redemption {x.Id} of coupon #{x.CouponId}, but the order has coupon #{x.OrderCouponId} and is {x.Status.ToName()}")
            .ToListAsync(ct));
        var perShopper = await db.CouponRedemptions
            .GroupBy(r => new { r.CouponId, r.UserId })
            .Select(g => new { g.Key.CouponId, g.Key.UserId, Uses = g.Count() })
            .ToListAsync(ct);
        off.AddRange(perShopper
            .Join(coupons, u => u.CouponId, c => c.Id, (u, c) => new { u.UserId, u.Uses, c.Code, c.PerShopperLimit })
            .Where(x => x.Uses > x.PerShopperLimit)
            .Select(x => $"coupon {x.Code}: shopper {x.UserId} used it {x.Uses} times, {x.PerShopperLimit} allowed"));
        var bad = coupons.Count(c => c.Used != c.Redemptions || c.Redemptions != c.Standing || c.Used > c.UsageLimit);
        return new Finding($"coupons: each coupon's uses = its redemptions = its standing orders, within its limits — {Count(coupons.Count - bad)} of {Count(coupons.Count)} agree, {Count(coupons.Sum(c => c.Used))} uses", off);
    }

    private async Task<Finding> StockAsync(CancellationToken ct)
    {
        var products = await db.Products
            .Select(p => new { p.Id, p.Name, p.Stock, Moved = db.StockMovements.Where(m => m.ProductId == p.Id).Sum(m => (long?)m.Delta) ?? 0 })
            .ToListAsync(ct);
        var off = products.Where(p => p.Moved != p.Stock)
            .Select(p => $"product {p.Id} ({p.Name}): Σ stock movements {p.Moved}, but the stock is {p.Stock}")
            .ToList();
        return new Finding($"stock: Σ movements = stock — {Count(products.Count - off.Count)} of {Count(products.Count)} products agree", off);
    }

    private async Task<Finding> OrdersStockAsync(CancellationToken ct)
    {
        // Per order and product: a sale took out exactly the units ordered, and an undone order put exactly those back.
        var orders = await db.Orders.Select(o => new { o.Id, o.Number, o.Status }).ToDictionaryAsync(o => o.Id, ct);
        var ordered = await db.OrderLines
            .GroupBy(l => new { l.OrderId, l.ProductId })
            .Select(g => new { g.Key.OrderId, g.Key.ProductId, Units = g.Sum(l => (long)l.Quantity) })
            .ToDictionaryAsync(x => (x.OrderId, x.ProductId), x => x.Units, ct);
        var moved = await db.StockMovements
            .Where(m => m.OrderId != null)
            .GroupBy(m => new { OrderId = m.OrderId!.Value, m.ProductId })
            .Select(g => new { g.Key.OrderId, g.Key.ProductId, Delta = g.Sum(m => (long)m.Delta) })
            .ToDictionaryAsync(x => (x.OrderId, x.ProductId), x => x.Delta, ct);
        var wrong = ordered.Keys.Union(moved.Keys)
            .Select(key => (key, Expected: orders.TryGetValue(key.OrderId, out var o) && !Order.IsUndone(o.Status) ? -ordered.GetValueOrDefault(key) : 0,
                Actual: moved.GetValueOrDefault(key)))
            .Where(x => x.Expected != x.Actual)
            .ToList();
        var off = wrong
            .Select(x => $"order {(orders.TryGetValue(x.key.OrderId, out var o) ? $"{o.Number} ({o.Status.ToName()})" : $"#{x.key.OrderId}")}, product {x.key.ProductId}: " +
                $"stock movements sum to {x.Actual}, its lines say {x.Expected}")
            .ToList();
        var bad = wrong.Select(x => x.key.OrderId).Distinct().Count();
        return new Finding($"orders' stock: each order took its units out unless undone, product by product — {Count(orders.Count - bad)} of {Count(orders.Count)} agree", off);
    }

    private async Task<Finding> PointsAsync(CancellationToken ct)
    {
        var balances = await db.PointsBalances.AsNoTracking().ToDictionaryAsync(b => b.UserId, ct);
        var sums = await db.PointsEntries
            .GroupBy(e => e.UserId)
            .Select(g => new { UserId = g.Key, Available = g.Sum(e => e.Available), Pending = g.Sum(e => e.Pending), Owed = g.Sum(e => e.Owed) })
            .ToDictionaryAsync(x => x.UserId, ct);
        var shoppers = balances.Keys.Union(sums.Keys).Order(StringComparer.Ordinal).ToList();
        var off = new List<string>();
        var bad = 0;
        foreach (var userId in shoppers)
        {
            (long Available, long Pending, long Owed) held = balances.TryGetValue(userId, out var b) ? (b.Available, b.Pending, b.Owed) : (0, 0, 0);
            (long Available, long Pending, long Owed) summed = sums.TryGetValue(userId, out var s) ? (s.Available, s.Pending, s.Owed) : (0, 0, 0);
            var before = off.Count;
            if (held != summed)
            {
                off.Add($"shopper {userId}: Σ entries {Points(summed)}, but the balance is {Points(held)}");
            }

            if (held.Available < 0 || held.Pending < 0 || held.Owed < 0)
            {
                off.Add($"shopper {userId}: below zero: {Points(held)}");
            }
            else if (held.Available > 0 && held.Owed > 0)
            {
                off.Add($"shopper {userId}: {Count(held.Owed)} points owed while {Count(held.Available)} are available (what is owed is paid off first)");
            }

            bad += off.Count > before ? 1 : 0;
        }

        return new Finding($"points: each shopper's Σ ledger entries = their balance, nothing below zero — {Count(shoppers.Count - bad)} of {Count(shoppers.Count)} shoppers agree, " +
            $"Σ available {Count(balances.Values.Sum(x => x.Available))}, pending {Count(balances.Values.Sum(x => x.Pending))}, owed {Count(balances.Values.Sum(x => x.Owed))}", off);
    }

    private async Task<Finding> OrdersPointsAsync(CancellationToken ct)
    {
        // Per order: earned (a cash order only once handed over), released once handed over, and an undone order gave
        // back what it spent and took back what it earned — each entry moving the balance the way its kind does.
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.Kind != PointsEntryKinds.ReferralEarned && e.Kind != PointsEntryKinds.ReferralReleased && e.Kind != PointsEntryKinds.ReferralTakenBack).OrderBy(e => e.Id).ToListAsync(ct);
        var numbers = entries.Select(e => e.OrderNumber).Distinct().ToList();
        var orders = await db.Orders
            .Where(o => numbers.Contains(o.Number))
            .Select(o => new { o.Number, o.UserId, o.Status, o.PaymentMethod })
            .ToDictionaryAsync(o => o.Number, ct);
        var off = new List<string>();
        var bad = 0;
        foreach (var byOrder in entries.GroupBy(e => e.OrderNumber))
        {
            var before = off.Count;
            off.AddRange(OrderPointsBreaks(byOrder.Key, [.. byOrder], orders.TryGetValue(byOrder.Key, out var o) ? (o.UserId, o.Status, o.PaymentMethod) : null));
            bad += off.Count > before ? 1 : 0;
        }

        return new Finding($"orders' points: each order's entries fit its state, each moving what its kind says — {Count(numbers.Count - bad)} of {Count(numbers.Count)} orders with points agree", off);
    }

    private static IEnumerable<string> OrderPointsBreaks(string number, IReadOnlyList<PointsEntry> entries, (string UserId, OrderStatus Status, string PaymentMethod)? order)
    {
        foreach (var e in entries.Where(e => !PointsEntryKinds.Moves(e.Kind, e.Points, e.Available, e.Pending, e.Owed)))
        {
            yield return $"order {number}: entry {e.Id} ({e.Kind} {Count(e.Points)}) moves available {e.Available}, pending {e.Pending}, owed {e.Owed}";
        }

        if (order is not { } placed)
        {
            yield return $"order {number}: {entries.Count} points entries, no such order";
            yield break;
        }

        foreach (var e in entries.Where(e => e.UserId != placed.UserId))
        {
            yield return $"order {number}: entry {e.Id} ({e.Kind}) is another shopper's";
        }

        if (!placed.Status.IsKnown())
        {
            yield return $"order {number}: its status is not one the shop knows, so what its points should be can't be said";
            yield break;
        }

        var points = entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Points));
        var handedOver = placed.Status is OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.ReturnRequested or OrderStatus.Refunded;
        var undone = Order.IsUndone(placed.Status);
        var earned = points.GetValueOrDefault(PointsEntryKinds.Earned);
        var spent = points.GetValueOrDefault(PointsEntryKinds.Spent);
        if (earned > 0 && placed.PaymentMethod == PaymentMethods.CashOnDelivery && !handedOver)
        {
            yield return $"order {number} (cash_on_delivery, {placed.Status.ToName()}): earned {Count(earned)} points before it was paid";
        }

        if (earned > 0 && placed.Status == OrderStatus.AwaitingPayment)
        {
            yield return $"order {number} (online, awaiting_payment): earned {Count(earned)} points before the gateway confirmed its payment";
        }

        var expected = new (string Kind, long Points)[]
        {
            (PointsEntryKinds.Released, handedOver ? earned : 0),
            (PointsEntryKinds.Returned, undone ? spent : 0),
            (PointsEntryKinds.TakenBack, undone ? earned : 0),
        };
        foreach (var (kind, wanted) in expected.Where(x => points.GetValueOrDefault(x.Kind) != x.Points))
        {
            yield return $"order {number} ({placed.Status.ToName()}): {kind} {Count(points.GetValueOrDefault(kind))} points, its state says {Count(wanted)}";
        }
    }

    private async Task<Finding> EventsWrittenAsync(CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var handler in orderCreatedHandlers)
        {
            missing.AddRange(await db.Orders
                .Where(o => !db.OutboxMessages.Any(m => m.Type == OutboxEvents.OrderCreated && m.Handler == handler && m.Subject == o.Number))
                .Select(o => $"order {o.Number}: no order.created for {handler}")
                .ToListAsync(ct));
        }

        var orders = await db.Orders.CountAsync(ct);
        return new Finding($"events: every order has its order.created for each handler — {Count(orders)} orders × {orderCreatedHandlers.Count} handlers ({string.Join(", ", orderCreatedHandlers)})", missing);
    }

    private async Task<Finding> DeliveriesAsync(CancellationToken ct)
    {
        var processed = await db.OutboxMessages.CountAsync(m => m.ProcessedUtc != null, ct);
        var pending = await PendingDeliveriesAsync(ct);
        var dead = await db.OutboxMessages
            .Where(m => m.DeadLetteredUtc != null)
            .Select(m => $"dead letter {m.Id}: {m.Type} → {m.Handler} for {m.Subject} after {m.Attempts} attempts: {m.LastError}")
            .ToListAsync(ct);
        return new Finding($"deliveries: {Count(processed)} delivered, {Count(pending)} still pending, {Count(dead.Count)} dead letters (see /admin/dead-letters)", dead);
    }

    private async Task<Finding> DailySalesAsync(CancellationToken ct)
    {
        var counted = await db.Orders
            .Where(o => db.OutboxMessages.Any(m => m.Type == OutboxEvents.OrderCreated && m.Handler == DailySalesCounter.HandlerName
                && m.Subject == o.Number && m.ProcessedUtc != null))
            .Select(o => new { o.CreatedUtc, o.TotalTiyn, Units = o.Lines.Sum(l => l.Quantity) })
            .ToListAsync(ct);
        var expected = counted.GroupBy(o => ShopTime.Day(o.CreatedUtc))
            .ToDictionary(g => g.Key, g => (Orders: g.Count(), Units: g.Sum(o => o.Units), Revenue: g.Sum(o => o.TotalTiyn)));
        var days = await db.DailySales.ToListAsync(ct);
        var off = new List<string>();
        foreach (var day in days.Select(d => d.Day).Union(expected.Keys).Order(StringComparer.Ordinal))
        {
            (int Orders, int Units, long Revenue) actual = days.Find(d => d.Day == day) is { } d ? (d.Orders, d.Units, d.RevenueTiyn) : (0, 0, 0L);
            var wanted = expected.GetValueOrDefault(day);
            if (actual != wanted)
            {
                off.Add($"day {day}: counted {actual.Orders} orders / {actual.Units} units / {actual.Revenue} tiyn, the orders say {wanted.Orders} / {wanted.Units} / {wanted.Revenue}");
            }
        }

        return new Finding($"daily sales: each order counted once — {Count(days.Count)} days, {Count(counted.Count)} orders counted", off);
    }

    private async Task<Finding> EmailsAsync(string pickup, CancellationToken ct)
    {
        // The folder is listed before and after the snapshot: a file must belong to a message the later listing can
        // explain (the worker writes the file just before its delivery commits), and a delivery must have its file —
        // the confirmation, or the note that the shopper's address can't be mailed (a shopper's text never breaks the books).
        var filesBefore = ListMail(pickup);
        var messages = await db.OutboxMessages
            .Where(m => m.Type == OutboxEvents.OrderCreated && m.Handler == OrderConfirmationEmail.HandlerName)
            .Select(m => new { m.Subject, Mailed = m.ProcessedUtc != null && m.Attempts > 0 }) // 0 attempts: an order from before the outbox, never mailed
            .ToListAsync(ct);
        var filesAfter = ListMail(pickup);
        var mailed = messages.Where(m => m.Mailed).Select(m => m.Subject).ToList();
        var off = mailed.Where(number => !filesAfter.Sent.Contains(number) && !filesAfter.Undeliverable.Contains(number))
            .Select(number => $"order {number}: delivered, but no {number}.eml (nor {number}{OrderConfirmationEmail.UndeliverableExtension}) in {pickup}")
            .Concat(filesBefore.Sent.Except(messages.Select(m => m.Subject), StringComparer.Ordinal).Select(name => $"{name}.eml: no order.created for it"))
            .Concat(filesBefore.Undeliverable.Except(messages.Select(m => m.Subject), StringComparer.Ordinal)
                .Select(name => $"{name}{OrderConfirmationEmail.UndeliverableExtension}: no order.created for it"))
            .ToList();
        return new Finding($"e-mails: one confirmation per delivered order — {Count(mailed.Count)} delivered, {Count(filesAfter.Sent.Count)} .eml files, " +
            $"{Count(filesAfter.Undeliverable.Count)} undeliverable (the shopper's address can't be mailed)", off);
    }

    private static (HashSet<string> Sent, HashSet<string> Undeliverable) ListMail(string pickup) =>
        (List(pickup, "*.eml"), List(pickup, "*" + OrderConfirmationEmail.UndeliverableExtension));

    private static HashSet<string> List(string pickup, string pattern) =>
        Directory.Exists(pickup)
            ? Directory.GetFiles(pickup, pattern).Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal)
            : [];

    private static string Count(long n) => n.ToString("#,0", Spaced);

    private static string Points((long Available, long Pending, long Owed) points) =>
        $"available {Count(points.Available)}, pending {Count(points.Pending)}, owed {Count(points.Owed)}";

    /// <summary>One invariant: what was checked (with counts), and each card, order or message that breaks it.</summary>
    public sealed record Finding(string Checked, IReadOnlyList<string> Breaks)
    {
        public bool Holds => Breaks.Count == 0;
    }
}
