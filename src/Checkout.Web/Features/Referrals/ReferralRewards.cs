using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Referrals;

/// <summary>
/// A paid order's referral reward, exactly once: the distribution (one row per order, a unique key) with its shares, the
/// shoppers' points entries and the pool's and shop's accounts, all in the caller's transaction — the outbox delivery's,
/// which marks the message processed in the same commit. Shares stay pending until the order is handed over; an undone
/// order takes them back (or voids a distribution that has not run yet). Both the distribution and an order's steps lock
/// the order's row first, so a step never slips between the distribution's reading the order and its commit.
/// </summary>
public sealed class ReferralRewards(PointsWallet wallet, ReferralTree tree, TimeProvider clock, IOptions<ReferralOptions> options)
{
    /// <summary>
    /// The <c>order.paid</c> handler's work: distributes the order's reward unless it already has a distribution. It runs
    /// for every paid order, in the outbox's write, so it keeps to a few statements: the order read under its lock, the
    /// distribution, the buyer with their upline in one query, the shares, the shoppers' points, the two accounts — plus,
    /// once per buyer, the signup gift.
    /// </summary>
    public async Task DistributeAsync(ShopDbContext db, string orderNumber, CancellationToken ct) =>
        await DistributeLockedAsync(db, (await LockOrdersAsync(db, [orderNumber], ct)).Single(), ct);

    /// <summary>
    /// <see cref="DistributeAsync"/> for the outbox's batch of paid orders, in as many statements as one order takes: each
    /// step (the orders under their locks, the uplines, the distributions, the shares, the points, the accounts) for all
    /// the orders at once. That covers the common order — paid, not yet handed over, its buyer's signup gift settled by
    /// an earlier one; the rest (a gift to give, handed over or undone before their turn) go one by one after them. The
    /// batch's orders only add pending points, which no one-by-one step reads, so the result is what one by one gives.
    /// </summary>
    public async Task DistributeManyAsync(ShopDbContext db, IReadOnlyCollection<string> orderNumbers, CancellationToken ct)
    {
        var settings = options.Value;
        var orders = await LockOrdersAsync(db, orderNumbers, ct);
        var plain = orders.Where(o => !Order.IsUndone(o.Status) && !IsHandedOver(o.Status)).ToList();
        var positions = await ReferralTree.BuyersWithUplinesAsync(db, [.. plain.Select(o => o.UserId).Distinct()], settings.MaxDepth, ct);
        var together = plain.Where(o => positions.TryGetValue(o.UserId, out var p) && p.Buyer is { FirstPaidOrderNumber: not null }).ToList();
        var fresh = await InsertPendingDistributionsAsync(db, together, settings.RewardPercent, ct);
        var shares = together.Where(o => fresh.Contains(o.Number))
            .SelectMany(o => ReferralSplit.Split(EarnedPoints.Of(o, settings.RewardPercent), positions[o.UserId].Upline, settings).Select(s => (OrderNumber: o.Number, Line: s)))
            .ToList();
        await InsertSharesAsync(db, shares, ct);
        if (settings.TestDelay > TimeSpan.Zero && shares.Count > 0)
        {
            await Task.Delay(settings.TestDelay, clock, ct); // tests only: a window to kill the shop mid-distribution
        }

        var credits = shares.Where(s => !s.Line.ToAccount).GroupBy(s => (s.OrderNumber, s.Line.Beneficiary))
            .Select(g => new PointsCredit(g.Key.Beneficiary, g.Key.OrderNumber, g.Sum(s => s.Line.Points))).ToList();
        await LockInOrderAsync(db, [.. together.Select(o => o.UserId), .. credits.Select(c => c.UserId)], ct);
        await wallet.EarnReferralAsync(db, credits, ct);
        await CreditAccountsAsync(db, Sum(shares.Select(s => s.Line), ReferralAccount.Pool), Sum(shares.Select(s => s.Line), ReferralAccount.Shop), available: false, ct);
        foreach (var order in orders.Except(together))
        {
            await DistributeLockedAsync(db, order, ct);
        }
    }

    private async Task DistributeLockedAsync(ShopDbContext db, Order order, CancellationToken ct)
    {
        var settings = options.Value;
        if (Order.IsUndone(order.Status))
        {
            await InsertDistributionAsync(db, order, 0, ReferralDistribution.Void, ct); // undone before it ran: never pays
            return;
        }

        var handedOver = IsHandedOver(order.Status);
        var reward = EarnedPoints.Of(order, settings.RewardPercent);
        if (!await InsertDistributionAsync(db, order, reward, handedOver ? ReferralDistribution.Released : ReferralDistribution.Pending, ct))
        {
            return; // distributed before: a repeated delivery writes nothing
        }

        var (buyer, upline) = await ReferralTree.BuyerWithUplineAsync(db, order.UserId, settings.MaxDepth, ct);
        var shares = ReferralSplit.Split(reward, upline, settings);
        await InsertSharesAsync(db, [.. shares.Select(s => (order.Number, s))], ct);
        if (settings.TestDelay > TimeSpan.Zero)
        {
            await Task.Delay(settings.TestDelay, clock, ct); // tests only: a window to kill the shop mid-distribution
        }

        var credits = ShoppersOf(shares);
        await LockInOrderAsync(db, [order.UserId, .. credits.Select(c => c.UserId)], ct);
        await wallet.EarnReferralAsync(db, [.. credits.Select(c => new PointsCredit(c.UserId, order.Number, c.Points))], ct);
        if (handedOver)
        {
            foreach (var (userId, points) in credits)
            {
                await wallet.ReleaseReferralAsync(db, userId, order.Number, points, ct);
            }
        }

        // The gift comes from the pool as it stood before this order: whether the order was delivered before its
        // distribution ran (its pool share then available at once) must not decide whether the buyer gets one.
        if (buyer is not { FirstPaidOrderNumber: not null })
        {
            await GiveSignupGiftAsync(db, order, memberMissing: buyer is null, handedOver, ct);
        }

        await CreditAccountsAsync(db, Sum(shares, ReferralAccount.Pool), Sum(shares, ReferralAccount.Shop), handedOver, ct);
    }

    /// <summary>
    /// In the transaction of an order's step, before its points move (<see cref="PointsWallet.OrderMovedAsync"/>): on
    /// PostgreSQL, a step that moves points locks the buyer's and the shares' shoppers' balances and the accounts first, in
    /// the one order a distribution locks them too (see <see cref="LockInOrderAsync"/>).
    /// </summary>
    public async Task LockPointsForStepAsync(ShopDbContext db, Order order, OrderStatus from, OrderStatus to, CancellationToken ct)
    {
        if (db.Database.IsSqlite() || (!Order.HandsOverGoods(from, to) && !Order.IsUndone(to)))
        {
            return;
        }

        var shoppers = await db.ReferralShares.Where(s => s.OrderNumber == order.Number && s.Beneficiary != ReferralAccount.Pool && s.Beneficiary != ReferralAccount.Shop)
            .Select(s => s.Beneficiary).ToListAsync(ct);
        await LockInOrderAsync(db, [order.UserId, .. shoppers], ct);
    }

    /// <summary>In the transaction of an order's step: handed over, its shares become available; undone, they are taken back.</summary>
    public async Task OrderMovedAsync(ShopDbContext db, Order order, OrderStatus from, OrderStatus to, CancellationToken ct)
    {
        var handedOver = Order.HandsOverGoods(from, to);
        if (!handedOver && !Order.IsUndone(to))
        {
            return;
        }

        var distribution = await db.ReferralDistributions.AsNoTracking().FirstOrDefaultAsync(d => d.OrderNumber == order.Number, ct);
        if (distribution is null)
        {
            if (!handedOver)
            {
                await InsertDistributionAsync(db, order, 0, ReferralDistribution.Void, ct);
            }

            return; // handed over before its distribution ran (cash on delivery): it will be paid out available at once
        }

        var next = handedOver ? ReferralDistribution.Released : ReferralDistribution.Revoked;
        var settled = distribution.Status is ReferralDistribution.Pending || (!handedOver && distribution.Status is ReferralDistribution.Released);
        if (!settled)
        {
            return;
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var moved = await db.ReferralDistributions.Where(d => d.Id == distribution.Id && d.Status == distribution.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, next).SetProperty(d => d.SettledUtc, nowUtc), ct);
        if (moved != 1)
        {
            throw new InvalidOperationException($"The distribution of order {order.Number} changed under the order's lock.");
        }

        var shares = (await db.ReferralShares.AsNoTracking().Where(s => s.OrderNumber == order.Number).ToListAsync(ct))
            .Select(s => new ReferralShareLine(s.Slot, s.Beneficiary, s.Points)).ToList();
        var wasReleased = distribution.Status == ReferralDistribution.Released;
        var credits = ShoppersOf(shares);
        if (distribution.Gift > 0)
        {
            credits.Add((order.UserId, distribution.Gift));
        }

        foreach (var (userId, points) in credits)
        {
            await (handedOver
                ? wallet.ReleaseReferralAsync(db, userId, order.Number, points, ct)
                : wallet.TakeBackReferralAsync(db, userId, order.Number, points, wasReleased, ct));
        }

        var pool = shares.Where(s => s.Beneficiary == ReferralAccount.Pool).Sum(s => s.Points);
        var shop = shares.Where(s => s.Beneficiary == ReferralAccount.Shop).Sum(s => s.Points);
        if (handedOver)
        {
            await MoveAccountAsync(db, ReferralAccount.Pool, available: pool, pending: -pool, owed: 0, ct);
            await MoveAccountAsync(db, ReferralAccount.Shop, available: shop, pending: -shop, owed: 0, ct);
        }
        else if (wasReleased)
        {
            await ChangeAvailableAsync(db, ReferralAccount.Pool, distribution.Gift - pool, ct);
            await ChangeAvailableAsync(db, ReferralAccount.Shop, -shop, ct);
        }
        else
        {
            await MoveAccountAsync(db, ReferralAccount.Pool, available: 0, pending: -pool, owed: 0, ct);
            await ChangeAvailableAsync(db, ReferralAccount.Pool, distribution.Gift, ct);
            await MoveAccountAsync(db, ReferralAccount.Shop, available: 0, pending: -shop, owed: 0, ct);
        }
    }

    /// <summary>Delivered, completed or return requested: the goods changed hands.</summary>
    public static bool IsHandedOver(OrderStatus status) => status is OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.ReturnRequested;

    /// <summary>The buyer's first distributed order takes their one signup gift from the pool, if the pool holds it.</summary>
    private async Task GiveSignupGiftAsync(ShopDbContext db, Order order, bool memberMissing, bool handedOver, CancellationToken ct)
    {
        var gift = options.Value.SignupGift;
        if (memberMissing)
        {
            await tree.EnsureMemberAsync(db, order.UserId, ct); // a shopper from before referrals
        }

        var first = await db.ReferralMembers.Where(m => m.UserId == order.UserId && m.FirstPaidOrderNumber == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FirstPaidOrderNumber, order.Number), ct) == 1;
        if (!first || gift == 0)
        {
            return;
        }

        var taken = await db.ReferralAccounts.Where(a => a.Name == ReferralAccount.Pool && a.Available >= gift)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Available, a => a.Available - gift), ct) == 1;
        if (!taken)
        {
            return; // the pool is short: no gift, and none later — it was the first paid order
        }

        await db.ReferralDistributions.Where(d => d.OrderNumber == order.Number)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Gift, gift), ct);
        await wallet.EarnReferralAsync(db, order.UserId, order.Number, gift, ct);
        if (handedOver)
        {
            await wallet.ReleaseReferralAsync(db, order.UserId, order.Number, gift, ct);
        }
    }

    /// <summary>The points each shopper gets of the shares (a shopper may hold a slot and the direct share), in id order, the lock order.</summary>
    private static List<(string UserId, long Points)> ShoppersOf(IEnumerable<ReferralShareLine> shares) =>
        [.. shares.Where(s => !s.ToAccount).GroupBy(s => s.Beneficiary).Select(g => (g.Key, g.Sum(s => s.Points))).OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>The orders, read under their row locks (a no-op update): the orders' steps wait for this transaction.</summary>
    private static async Task<List<Order>> LockOrdersAsync(ShopDbContext db, IReadOnlyCollection<string> orderNumbers, CancellationToken ct)
    {
        var numbers = orderNumbers.Distinct().ToList();
        var sql = """UPDATE "Orders" SET "Status" = "Status" WHERE "Number" IN ("""
            + string.Join(", ", numbers.Select((_, i) => $"{{{i}}}")) + ") RETURNING *"; // placeholders only: every value a parameter
        var orders = await db.Orders.FromSqlRaw(sql, [.. numbers]).AsNoTracking().ToListAsync(ct);
        return orders.Count == numbers.Count
            ? [.. orders.OrderBy(o => numbers.IndexOf(o.Number))]
            : throw new InvalidOperationException($"Order {numbers.Except(orders.Select(o => o.Number)).First()} not found.");
    }

    /// <summary>
    /// PostgreSQL: locks the shoppers' points balances by user id, then both referral accounts by name, before any of them
    /// changes. Distributions and order steps each change several shoppers' balances (an ancestor's, the buyer's) and the
    /// accounts; locked one by one in the order each happens to need them, two of them could each wait for the other.
    /// SQLite runs one write at a time: nothing can cross there.
    /// </summary>
    private static async Task LockInOrderAsync(ShopDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            return;
        }

        var ids = userIds.Distinct().ToArray();
        await db.Database.ExecuteSqlAsync($"""
            SELECT 1 FROM "PointsBalances" WHERE "UserId" = ANY({ids}) ORDER BY "UserId" FOR UPDATE;
            SELECT 1 FROM "ReferralAccounts" ORDER BY "Name" FOR UPDATE
            """, ct);
    }

    /// <summary>
    /// Distributions' shares in one statement (one row per order, slot and beneficiary). Tracked and saved by the context,
    /// an order's dozen rows cost a millisecond of CPU in the outbox's write — more than all the rest of it.
    /// </summary>
    private static async Task InsertSharesAsync(ShopDbContext db, IReadOnlyList<(string OrderNumber, ReferralShareLine Line)> shares, CancellationToken ct)
    {
        if (shares.Count == 0)
        {
            return;
        }

        var rows = string.Join(", ", shares.Select((_, i) => $"({{{4 * i}}}, {{{4 * i + 1}}}, {{{4 * i + 2}}}, {{{4 * i + 3}}})"));
        var values = shares.SelectMany(s => new object[] { s.OrderNumber, s.Line.Slot, s.Line.Beneficiary, s.Line.Points }).ToArray();
        var sql = """INSERT INTO "ReferralShares" ("OrderNumber", "Slot", "Beneficiary", "Points") VALUES """ + rows; // placeholders only: every value a parameter
        await db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }

    private static long Sum(IEnumerable<ReferralShareLine> shares, string account) => shares.Where(s => s.Beneficiary == account).Sum(s => s.Points);

    /// <summary>
    /// The pool's and the shop's shares of a distribution in one statement: pending, or available when the order was
    /// handed over already. Both only grow here, so there is no floor to guard.
    /// </summary>
    private static async Task CreditAccountsAsync(ShopDbContext db, long pool, long shop, bool available, CancellationToken ct)
    {
        var (poolAvailable, poolPending) = available ? (pool, 0L) : (0L, pool);
        var (shopAvailable, shopPending) = available ? (shop, 0L) : (0L, shop);
        var moved = await db.Database.ExecuteSqlAsync($"""
            UPDATE "ReferralAccounts" SET
                "Available" = "Available" + CASE "Name" WHEN {ReferralAccount.Pool} THEN {poolAvailable} ELSE {shopAvailable} END,
                "Pending" = "Pending" + CASE "Name" WHEN {ReferralAccount.Pool} THEN {poolPending} ELSE {shopPending} END
            WHERE "Name" IN ({ReferralAccount.Pool}, {ReferralAccount.Shop})
            """, ct);
        if (moved != 2)
        {
            throw new InvalidOperationException("The referral accounts pool and shop are missing.");
        }
    }

    /// <summary>The order's one distribution; false, and nothing written, when it has one already.</summary>
    private async Task<bool> InsertDistributionAsync(ShopDbContext db, Order order, long reward, string status, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        DateTime? settledUtc = status == ReferralDistribution.Pending ? null : nowUtc;
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ReferralDistributions" ("OrderNumber", "BuyerId", "Reward", "Gift", "Status", "CreatedUtc", "SettledUtc")
            VALUES ({order.Number}, {order.UserId}, {reward}, 0, {status}, {nowUtc}, {settledUtc})
            ON CONFLICT ("OrderNumber") DO NOTHING
            """, ct) == 1;
    }

    /// <summary>The pending distributions of several orders in one statement; returns the orders that had none before (the rest write nothing more).</summary>
    private async Task<HashSet<string>> InsertPendingDistributionsAsync(ShopDbContext db, IReadOnlyList<Order> orders, int rewardPercent, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return [];
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var rows = string.Join(", ", orders.Select((_, i) => $"({{{3 * i + 2}}}, {{{3 * i + 3}}}, {{{3 * i + 4}}}, 0, {{1}}, {{0}}, NULL)"));
        var sql = """INSERT INTO "ReferralDistributions" ("OrderNumber", "BuyerId", "Reward", "Gift", "Status", "CreatedUtc", "SettledUtc") VALUES """
            + rows + """ ON CONFLICT ("OrderNumber") DO NOTHING RETURNING "OrderNumber" AS "Value" """; // placeholders only: every value a parameter
        object[] values = [nowUtc, ReferralDistribution.Pending, .. orders.SelectMany(o => new object[] { o.Number, o.UserId, EarnedPoints.Of(o, rewardPercent) })];
        return [.. await db.Database.SqlQueryRaw<string>(sql, values).ToListAsync(ct)];
    }

    /// <summary>Credits (paying off what is owed first) or debits (as far as available, the rest owed) the account's available points.</summary>
    private static async Task ChangeAvailableAsync(ShopDbContext db, string account, long points, CancellationToken ct)
    {
        if (points == 0)
        {
            return;
        }

        var held = await db.Database.SqlQuery<HeldAccount>($"""
            UPDATE "ReferralAccounts" SET "Owed" = "Owed" WHERE "Name" = {account} RETURNING "Available", "Owed"
            """).ToListAsync(ct) is [var row] ? row : throw new InvalidOperationException($"No referral account {account}.");
        if (points > 0)
        {
            var repaid = Math.Min(held.Owed, points);
            await MoveAccountAsync(db, account, available: points - repaid, pending: 0, owed: -repaid, ct);
        }
        else
        {
            var fromAvailable = Math.Min(held.Available, -points);
            await MoveAccountAsync(db, account, available: -fromAvailable, pending: 0, owed: -points - fromAvailable, ct);
        }
    }

    /// <summary>One guarded statement: the account's parts change, none below zero, or it throws.</summary>
    private static async Task MoveAccountAsync(ShopDbContext db, string account, long available, long pending, long owed, CancellationToken ct)
    {
        if (available == 0 && pending == 0 && owed == 0)
        {
            return;
        }

        var moved = await db.ReferralAccounts
            .Where(a => a.Name == account && a.Available + available >= 0 && a.Pending + pending >= 0 && a.Owed + owed >= 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Available, a => a.Available + available)
                .SetProperty(a => a.Pending, a => a.Pending + pending)
                .SetProperty(a => a.Owed, a => a.Owed + owed), ct);
        if (moved != 1)
        {
            throw new InvalidOperationException($"The referral account {account} can't move by {available}/{pending}/{owed}.");
        }
    }

    private sealed class HeldAccount
    {
        public long Available { get; init; }

        public long Owed { get; init; }
    }
}
