using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Loyalty;

/// <summary>
/// The shoppers' bonus points: a ledger of entries (<see cref="PointsEntry"/>) and one balance row per shopper
/// (<see cref="PointsBalance"/>), each change of the row one guarded statement in the caller's write transaction, written
/// together with its entry. An order earns <see cref="EarnedPoints"/> when it is paid (a card order at checkout, cash on
/// delivery when delivered), pending until delivered or completed, then available. A cancelled or refunded order gives
/// back the points it spent and takes back those it earned: pending ones vanish, available ones are debited as far as
/// they are there, and what was already spent is owed — paid off by the next points that become available, so the
/// balance never goes below zero and a refund never leaves the shopper with points bought by a refunded order.
/// </summary>
public sealed class PointsWallet(TimeProvider clock, IOptions<LoyaltyOptions> options)
{
    public async Task<long> AvailableAsync(ShopDbContext db, string userId, CancellationToken ct) =>
        await db.PointsBalances.Where(b => b.UserId == userId).Select(b => b.Available).FirstOrDefaultAsync(ct);

    /// <summary>Spends <paramref name="points"/> on the order <paramref name="orderNumber"/>; false, and nothing written, when fewer are available.</summary>
    public async Task<bool> SpendAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        if (points == 0)
        {
            return true;
        }

        // The guard is the whole race: of two tabs spending the same points, the second finds them gone.
        return await ApplyAsync(db, userId, orderNumber, PointsEntryKinds.Spent, points, available: -points, pending: 0, owed: 0, ct);
    }

    /// <summary>
    /// In the transaction that settles a paid order (the checkout's, an online order's confirmation): it earns its points,
    /// pending. Cash on delivery pays (and earns) on delivery; an order still awaiting its online payment earns nothing yet.
    /// </summary>
    public Task EarnAtCheckoutAsync(ShopDbContext db, Order order, CancellationToken ct) =>
        order.IsCashOnDelivery || order.Status == OrderStatus.AwaitingPayment ? Task.CompletedTask : EarnAsync(db, order, ct);

    /// <summary>
    /// In the transaction of an order's step from <paramref name="from"/> to <paramref name="to"/>: handed over (delivered or
    /// completed), its points become available — a cash order earns them first, as it is paid now; undone (cancelled or
    /// refunded), it returns what it spent and takes back what it earned.
    /// </summary>
    public async Task OrderMovedAsync(ShopDbContext db, Order order, OrderStatus from, OrderStatus to, CancellationToken ct)
    {
        var handedOver = Order.HandsOverGoods(from, to);
        if (!handedOver && !Order.IsUndone(to))
        {
            return;
        }

        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.OrderNumber == order.Number).ToListAsync(ct);
        var earned = entries.Find(e => e.Kind == PointsEntryKinds.Earned)?.Points;
        if (handedOver)
        {
            if (earned is null && order.IsCashOnDelivery)
            {
                earned = await EarnAsync(db, order, ct);
            }

            if (earned is { } released && released > 0)
            {
                await CreditAsync(db, order.UserId, order.Number, PointsEntryKinds.Released, released, fromPending: released, ct);
            }

            return;
        }

        if (entries.Find(e => e.Kind == PointsEntryKinds.Spent) is { } spent)
        {
            await CreditAsync(db, order.UserId, order.Number, PointsEntryKinds.Returned, spent.Points, fromPending: 0, ct);
        }

        if (earned is { } taken && taken > 0)
        {
            await TakeBackAsync(db, order.UserId, order.Number, PointsEntryKinds.TakenBack, taken,
                wasReleased: entries.Exists(e => e.Kind == PointsEntryKinds.Released), ct);
        }
    }

    /// <summary>A referral reward (or signup gift) of order <paramref name="orderNumber"/> for <paramref name="userId"/>: pending.</summary>
    public Task EarnReferralAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct) =>
        AddPendingAsync(db, PointsEntryKinds.ReferralEarned, [new(userId, orderNumber, points)], ct);

    /// <summary>Referral rewards of one or several orders, each a shopper's of an order (one per pair): pending.</summary>
    public Task EarnReferralAsync(ShopDbContext db, IReadOnlyList<PointsCredit> credits, CancellationToken ct) =>
        AddPendingAsync(db, PointsEntryKinds.ReferralEarned, credits, ct);

    /// <summary>The order was handed over: the shopper's referral points of it become available, what is owed paid off first.</summary>
    public Task ReleaseReferralAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct) =>
        CreditAsync(db, userId, orderNumber, PointsEntryKinds.ReferralReleased, points, fromPending: points, ct);

    /// <summary>The order was undone: the shopper's referral points of it are taken back, as an order's own earned points are.</summary>
    public Task TakeBackReferralAsync(ShopDbContext db, string userId, string orderNumber, long points, bool wasReleased, CancellationToken ct) =>
        TakeBackAsync(db, userId, orderNumber, PointsEntryKinds.ReferralTakenBack, points, wasReleased, ct);

    /// <summary>The shopper's balance and their <paramref name="entries"/> latest ledger entries, newest first.</summary>
    public async Task<PointsStatement> StatementAsync(ShopDbContext db, string userId, int entries, CancellationToken ct)
    {
        var balance = await db.PointsBalances.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct);
        var history = await db.PointsEntries.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.Id)
            .Take(entries)
            .ToListAsync(ct);
        return new PointsStatement(balance?.Available ?? 0, balance?.Pending ?? 0, balance?.Owed ?? 0, history);
    }

    /// <summary>Earns the order's points, pending (the shopper's balance row is made with the first); returns how many.</summary>
    private async Task<long> EarnAsync(ShopDbContext db, Order order, CancellationToken ct)
    {
        var points = EarnedPoints.Of(order, options.Value.EarnPercent);
        if (points == 0)
        {
            return 0;
        }

        await AddPendingAsync(db, PointsEntryKinds.Earned, [new(order.UserId, order.Number, points)], ct);
        return points;
    }

    /// <summary>
    /// Points made pending, each credit a shopper's of an order, in two statements: the shoppers' balances (a row made with
    /// the first; a shopper of several credits once, by their sum), then one entry per credit. Distributions do this in the
    /// outbox's write, which on SQLite every checkout waits behind: two statements per shopper were a third of its time.
    /// </summary>
    private async Task AddPendingAsync(ShopDbContext db, string kind, IReadOnlyList<PointsCredit> credits, CancellationToken ct)
    {
        if (credits.Count == 0)
        {
            return;
        }

        // Placeholders only, every value a parameter. In user id order: PostgreSQL locks the balances in the order it
        // updates them, and every writer of several balances takes them in that order.
        object[] shoppers = [.. credits.GroupBy(c => c.UserId).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => new object[] { g.Key, g.Sum(c => c.Points) })];
        var balances = """INSERT INTO "PointsBalances" ("UserId", "Available", "Pending", "Owed") VALUES """
            + string.Join(", ", Enumerable.Range(0, shoppers.Length / 2).Select(i => $"({{{2 * i}}}, 0, {{{2 * i + 1}}}, 0)"))
            + """ ON CONFLICT ("UserId") DO UPDATE SET "Pending" = "PointsBalances"."Pending" + excluded."Pending" """;
        await db.Database.ExecuteSqlRawAsync(balances, shoppers, ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var entries = """INSERT INTO "PointsEntries" ("UserId", "OrderNumber", "Kind", "Points", "Available", "Pending", "Owed", "CreatedUtc") VALUES """
            + string.Join(", ", credits.Select((_, i) => $"({{{2 + 3 * i}}}, {{{3 + 3 * i}}}, {{1}}, {{{4 + 3 * i}}}, 0, {{{4 + 3 * i}}}, 0, {{0}})"));
        await db.Database.ExecuteSqlRawAsync(entries, [nowUtc, kind, .. credits.SelectMany(c => new object[] { c.UserId, c.OrderNumber, c.Points })], ct);
    }

    /// <summary>Makes <paramref name="points"/> available (taking <paramref name="fromPending"/> off pending), paying off what is owed first.</summary>
    private async Task CreditAsync(ShopDbContext db, string userId, string orderNumber, string kind, long points, long fromPending, CancellationToken ct)
    {
        var repaid = Math.Min((await LockAsync(db, userId, ct)).Owed, points);
        EnsureApplied(await ApplyAsync(db, userId, orderNumber, kind, points, available: points - repaid, pending: -fromPending, owed: -repaid, ct), orderNumber, kind);
    }

    /// <summary>Takes back what the order earned: off pending if it never became available, else off available, the rest owed.</summary>
    private async Task TakeBackAsync(ShopDbContext db, string userId, string orderNumber, string kind, long points, bool wasReleased, CancellationToken ct)
    {
        var fromAvailable = wasReleased ? Math.Min((await LockAsync(db, userId, ct)).Available, points) : 0;
        var fromPending = wasReleased ? 0 : points;
        EnsureApplied(await ApplyAsync(db, userId, orderNumber, kind, points,
            available: -fromAvailable, pending: -fromPending, owed: points - fromAvailable - fromPending, ct), orderNumber, kind);
    }

    /// <summary>
    /// Changes the shopper's balance by an entry's changes in one guarded statement, which refuses to take any part of it
    /// below zero, and writes the entry; false, and nothing written, when refused.
    /// </summary>
    private async Task<bool> ApplyAsync(ShopDbContext db, string userId, string orderNumber, string kind, long points,
        long available, long pending, long owed, CancellationToken ct)
    {
        var moved = await db.PointsBalances
            .Where(b => b.UserId == userId && b.Available + available >= 0 && b.Pending + pending >= 0 && b.Owed + owed >= 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Available, b => b.Available + available)
                .SetProperty(b => b.Pending, b => b.Pending + pending)
                .SetProperty(b => b.Owed, b => b.Owed + owed), ct);
        if (moved != 1)
        {
            return false;
        }

        await WriteEntryAsync(db, userId, orderNumber, kind, points, available, pending, owed, ct);
        return true;
    }

    /// <summary>Reads the shopper's balance under its row lock (a no-op update), so what is computed from it holds until the commit.</summary>
    private static async Task<PointsHeld> LockAsync(ShopDbContext db, string userId, CancellationToken ct) =>
        await db.Database.SqlQuery<PointsHeld>($"""
            UPDATE "PointsBalances" SET "Owed" = "Owed" WHERE "UserId" = {userId}
            RETURNING "Available", "Pending", "Owed"
            """).ToListAsync(ct) is [var held]
            ? held
            : throw new InvalidOperationException($"Shopper {userId} has points entries but no points balance.");

    private static void EnsureApplied(bool applied, string orderNumber, string kind)
    {
        if (!applied)
        {
            throw new InvalidOperationException($"The points of order {orderNumber} can't be {kind}: the shopper's balance doesn't hold them.");
        }
    }

    /// <summary>The entry, written with a statement of its own: it never waits for (or saves) what the caller has tracked.</summary>
    private async Task WriteEntryAsync(ShopDbContext db, string userId, string orderNumber, string kind, long points,
        long available, long pending, long owed, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "PointsEntries" ("UserId", "OrderNumber", "Kind", "Points", "Available", "Pending", "Owed", "CreatedUtc")
            VALUES ({userId}, {orderNumber}, {kind}, {points}, {available}, {pending}, {owed}, {nowUtc})
            """, ct);
    }

    private sealed class PointsHeld
    {
        public long Available { get; init; }

        public long Pending { get; init; }

        public long Owed { get; init; }
    }
}

/// <summary>Points for a shopper of an order.</summary>
public sealed record PointsCredit(string UserId, string OrderNumber, long Points);
