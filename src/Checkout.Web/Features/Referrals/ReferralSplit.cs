using Checkout.Web.Domain;

namespace Checkout.Web.Features.Referrals;

/// <summary>An ancestor of a buyer as the split sees them: who, and the letter they hold.</summary>
public sealed record ReferralAncestor(string UserId, int Letter);

/// <summary>What a distribution needs of the buyer's own member row: the order that took (or tried) their signup gift.</summary>
public sealed record ReferralBuyer(string? FirstPaidOrderNumber);

/// <summary>One share of a reward: the slot it is for (A…J, direct, pool, shop), and a shopper's id or an account's name.</summary>
public sealed record ReferralShareLine(string Slot, string Beneficiary, long Points)
{
    public bool ToAccount => Beneficiary is ReferralAccount.Pool or ReferralAccount.Shop;
}

/// <summary>
/// Splits a reward R in whole points: tree / pool / shop / direct by largest remainder; the tree into ten equal slots A…J;
/// slot A…I to the nearest ancestor holding exactly that letter, slot J shared by every ancestor holding J (nearest
/// first on a tie); what nobody fills, and the direct share of a buyer without a referrer, to the pool. Σ = R always.
/// Pure: no clock, no database.
/// </summary>
public static class ReferralSplit
{
    public const string Direct = "direct";

    public const string PoolSlot = "pool";

    public const string ShopSlot = "shop";

    /// <param name="ancestors">The buyer's referrer first, then theirs, and so on (at most MaxDepth).</param>
    public static IReadOnlyList<ReferralShareLine> Split(long reward, IReadOnlyList<ReferralAncestor> ancestors, ReferralOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        var parts = Pricing.Share(reward, [options.TreePercent, options.PoolPercent, options.ShopPercent, options.DirectPercent]);
        var (tree, pool, shop, direct) = (parts[0], parts[1], parts[2], parts[3]);
        var shares = new List<ReferralShareLine>();
        var slots = Pricing.Share(tree, [.. Enumerable.Repeat(1L, ReferralLetters.Count)]);
        for (var letter = 0; letter < ReferralLetters.Top; letter++)
        {
            var holder = ancestors.FirstOrDefault(a => a.Letter == letter);
            shares.Add(new(ReferralLetters.Name(letter), holder?.UserId ?? ReferralAccount.Pool, slots[letter]));
        }

        var topHolders = ancestors.Where(a => a.Letter == ReferralLetters.Top).ToList();
        var top = ReferralLetters.Name(ReferralLetters.Top);
        if (topHolders.Count == 0)
        {
            shares.Add(new(top, ReferralAccount.Pool, slots[ReferralLetters.Top]));
        }
        else
        {
            var split = Pricing.Share(slots[ReferralLetters.Top], [.. topHolders.Select(_ => 1L)]);
            shares.AddRange(topHolders.Select((holder, i) => new ReferralShareLine(top, holder.UserId, split[i])));
        }

        shares.Add(new(Direct, ancestors.Count > 0 ? ancestors[0].UserId : ReferralAccount.Pool, direct));
        shares.Add(new(PoolSlot, ReferralAccount.Pool, pool));
        shares.Add(new(ShopSlot, ReferralAccount.Shop, shop));
        return [.. shares.Where(s => s.Points > 0)];
    }
}
