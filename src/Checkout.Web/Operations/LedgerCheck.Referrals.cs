using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Operations;

/// <summary>The referral rewards' books: distributions, the points they gave shoppers, and the pool's and shop's accounts.</summary>
public sealed partial class LedgerCheck
{
    /// <summary>
    /// Every order whose <c>order.paid</c> the referral handler processed has exactly one distribution (and none without
    /// one, unless undone first: void); its shares sum to R; its status fits the order's (pending, released once handed
    /// over, revoked or void once undone).
    /// </summary>
    private async Task<Finding> ReferralDistributionsAsync(CancellationToken ct)
    {
        var paid = await db.OutboxMessages
            .Where(m => m.Type == Outbox.OutboxEvents.OrderPaid && m.Handler == ReferralHandler.HandlerName && m.ProcessedUtc != null)
            .Select(m => m.Subject).Distinct().ToListAsync(ct);
        var distributions = await db.ReferralDistributions.AsNoTracking()
            .Select(d => new { d.OrderNumber, d.Reward, d.Status, Shares = db.ReferralShares.Where(s => s.OrderNumber == d.OrderNumber).Sum(s => (long?)s.Points) ?? 0 })
            .ToListAsync(ct);
        var statuses = await db.Orders.Where(o => paid.Contains(o.Number) || db.ReferralDistributions.Any(d => d.OrderNumber == o.Number))
            .Select(o => new { o.Number, o.Status }).ToDictionaryAsync(o => o.Number, o => o.Status, ct);
        var byOrder = distributions.ToDictionary(d => d.OrderNumber);
        var off = new List<string>();
        off.AddRange(paid.Where(n => !byOrder.ContainsKey(n)).Select(n => $"order {n}: its order.paid was handled, but it has no distribution"));
        foreach (var d in distributions)
        {
            if (!statuses.TryGetValue(d.OrderNumber, out var status))
            {
                off.Add($"order {d.OrderNumber}: a distribution, no such order");
                continue;
            }

            var wanted = Order.IsUndone(status) ? [ReferralDistribution.Revoked, ReferralDistribution.Void]
                : ReferralRewards.IsHandedOver(status) ? [ReferralDistribution.Released]
                : new[] { ReferralDistribution.Pending };
            if (!wanted.Contains(d.Status))
            {
                off.Add($"order {d.OrderNumber} ({status.ToName()}): its distribution is {d.Status}, its state says {string.Join(" or ", wanted)}");
            }

            if (d.Status == ReferralDistribution.Void ? d.Shares != 0 : d.Shares != d.Reward)
            {
                off.Add($"order {d.OrderNumber}: Σ shares {Count(d.Shares)} ≠ R {Count(d.Reward)}");
            }

            if (d.Status != ReferralDistribution.Void && !paid.Contains(d.OrderNumber))
            {
                off.Add($"order {d.OrderNumber}: distributed without a handled order.paid");
            }
        }

        var undone = distributions.Count(d => d.Status is ReferralDistribution.Revoked or ReferralDistribution.Void);
        return new Finding($"referrals: every paid order distributed once, Σ shares = R, undone orders taken back — {Count(paid.Count)} paid orders, " +
            $"{Count(distributions.Count)} distributions ({Count(undone)} taken back or void), Σ R {Count(distributions.Sum(d => d.Reward))}", off);
    }

    /// <summary>
    /// Each shopper's referral points of an order are their shares of it (and the buyer's signup gift): earned once,
    /// released when the distribution was, taken back when it was revoked — each entry moving what its kind says.
    /// </summary>
    private async Task<Finding> ReferralPointsAsync(CancellationToken ct)
    {
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.Kind == PointsEntryKinds.ReferralEarned || e.Kind == PointsEntryKinds.ReferralReleased || e.Kind == PointsEntryKinds.ReferralTakenBack).ToListAsync(ct);
        var shares = await db.ReferralShares.AsNoTracking().Where(s => s.Beneficiary != ReferralAccount.Pool && s.Beneficiary != ReferralAccount.Shop)
            .GroupBy(s => new { s.OrderNumber, s.Beneficiary }).Select(g => new { g.Key.OrderNumber, g.Key.Beneficiary, Points = g.Sum(s => s.Points) })
            .ToListAsync(ct);
        var distributions = await db.ReferralDistributions.AsNoTracking().ToDictionaryAsync(d => d.OrderNumber, ct);
        var owed = shares.Select(s => (s.OrderNumber, UserId: s.Beneficiary, s.Points))
            .Concat(distributions.Values.Where(d => d.Gift > 0).Select(d => (d.OrderNumber, UserId: d.BuyerId, Points: d.Gift)))
            .GroupBy(x => (x.OrderNumber, x.UserId)).ToDictionary(g => g.Key, g => g.Sum(x => x.Points));
        var got = entries.GroupBy(e => (e.OrderNumber, e.UserId)).ToDictionary(g => g.Key, g => g.ToList());
        var off = new List<string>();
        off.AddRange(entries.Where(e => !PointsEntryKinds.Moves(e.Kind, e.Points, e.Available, e.Pending, e.Owed))
            .Select(e => $"order {e.OrderNumber}: entry {e.Id} ({e.Kind} {Count(e.Points)}) moves available {e.Available}, pending {e.Pending}, owed {e.Owed}"));
        foreach (var key in owed.Keys.Union(got.Keys))
        {
            var wanted = owed.GetValueOrDefault(key);
            var status = distributions.TryGetValue(key.OrderNumber, out var d) ? d.Status : "none";
            var kinds = got.GetValueOrDefault(key, []).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Points));
            var expected = new (string Kind, long Points)[]
            {
                (PointsEntryKinds.ReferralEarned, wanted),
                (PointsEntryKinds.ReferralReleased, status == ReferralDistribution.Released || (status == ReferralDistribution.Revoked && kinds.ContainsKey(PointsEntryKinds.ReferralReleased)) ? wanted : 0),
                (PointsEntryKinds.ReferralTakenBack, status == ReferralDistribution.Revoked ? wanted : 0),
            };
            off.AddRange(expected.Where(x => kinds.GetValueOrDefault(x.Kind) != x.Points)
                .Select(x => $"order {key.OrderNumber} ({status}), shopper {key.UserId}: {x.Kind} {Count(kinds.GetValueOrDefault(x.Kind))} points, the distribution says {Count(x.Points)}"));
        }

        return new Finding($"referral points: each shopper's referral entries of an order = their shares (and gift), released and taken back with it — " +
            $"{Count(owed.Count)} (order, shopper) pairs, Σ {Count(owed.Values.Sum())} points", off);
    }

    /// <summary>The pool and the shop: nothing below zero, none owed while some is available, pending = Σ their shares of pending distributions; the shop's available − owed = Σ its released shares.</summary>
    private async Task<Finding> ReferralAccountsAsync(CancellationToken ct)
    {
        var accounts = await db.ReferralAccounts.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var byStatus = await db.ReferralShares.AsNoTracking()
            .Where(s => s.Beneficiary == ReferralAccount.Pool || s.Beneficiary == ReferralAccount.Shop)
            .Join(db.ReferralDistributions, s => s.OrderNumber, d => d.OrderNumber, (s, d) => new { s.Beneficiary, d.Status, s.Points })
            .GroupBy(x => new { x.Beneficiary, x.Status }).Select(g => new { g.Key.Beneficiary, g.Key.Status, Points = g.Sum(x => x.Points) })
            .ToListAsync(ct);
        long Sum(string account, string status) => byStatus.Where(x => x.Beneficiary == account && x.Status == status).Sum(x => x.Points);
        var off = new List<string>();
        foreach (var a in accounts)
        {
            if (a.Available < 0 || a.Pending < 0 || a.Owed < 0 || (a.Available > 0 && a.Owed > 0))
            {
                off.Add($"{a.Name}: available {Count(a.Available)}, pending {Count(a.Pending)}, owed {Count(a.Owed)}");
            }

            if (a.Pending != Sum(a.Name, ReferralDistribution.Pending))
            {
                off.Add($"{a.Name}: pending {Count(a.Pending)}, but its shares of pending distributions are {Count(Sum(a.Name, ReferralDistribution.Pending))}");
            }

            if (a.Name == ReferralAccount.Shop && a.Available - a.Owed != Sum(a.Name, ReferralDistribution.Released))
            {
                off.Add($"shop: available − owed {Count(a.Available - a.Owed)}, but its released shares are {Count(Sum(a.Name, ReferralDistribution.Released))}");
            }
        }

        if (accounts.Count != 2)
        {
            off.Add($"{accounts.Count} referral accounts, not the pool and the shop");
        }

        return new Finding($"referral accounts: the pool and the shop never below zero, pending = their pending shares — " +
            string.Join(", ", accounts.Select(a => $"{a.Name} available {Count(a.Available)}, pending {Count(a.Pending)}, owed {Count(a.Owed)}")), off);
    }
}
