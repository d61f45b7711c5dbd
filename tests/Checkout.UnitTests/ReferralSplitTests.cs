using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;

namespace Checkout.UnitTests;

/// <summary>The split of a reward R: tree 50 / pool 15 / shop 30 / direct 5, ten slots A…J, Σ = R always.</summary>
public class ReferralSplitTests
{
    private static readonly ReferralOptions Defaults = new();

    private static long To(IReadOnlyList<ReferralShareLine> shares, string beneficiary) =>
        shares.Where(s => s.Beneficiary == beneficiary).Sum(s => s.Points);

    [Fact]
    public void A_buyer_without_a_referrer_gives_tree_and_direct_to_the_pool()
    {
        var shares = ReferralSplit.Split(1_000, [], Defaults);

        To(shares, ReferralAccount.Pool).Should().Be(700);
        To(shares, ReferralAccount.Shop).Should().Be(300);
        shares.Sum(s => s.Points).Should().Be(1_000);
    }

    [Fact]
    public void Each_slot_goes_to_the_nearest_ancestor_with_exactly_its_letter()
    {
        // Referrer holds B, then an A, then another B, then a C: slot A to the A, B to the referrer, C to the C.
        ReferralAncestor[] upline = [new("b1", 1), new("a1", 0), new("b2", 1), new("c1", 2)];

        var shares = ReferralSplit.Split(10_000, upline, Defaults);

        shares.Should().Contain(new ReferralShareLine("A", "a1", 500));
        shares.Should().Contain(new ReferralShareLine("B", "b1", 500));
        shares.Should().Contain(new ReferralShareLine("C", "c1", 500));
        shares.Should().Contain(new ReferralShareLine(ReferralSplit.Direct, "b1", 500));
        To(shares, "b2").Should().Be(0);
        To(shares, ReferralAccount.Pool).Should().Be(7 * 500 + 1_500); // slots D…J unfilled, and the pool's own part
        To(shares, ReferralAccount.Shop).Should().Be(3_000);
        shares.Sum(s => s.Points).Should().Be(10_000);
    }

    [Fact]
    public void Slot_j_is_shared_by_every_j_ancestor_the_remainder_nearest_first()
    {
        ReferralAncestor[] upline = [new("j1", 9), new("j2", 9), new("x", 4), new("j3", 9)];

        // R = 1 000: tree 500, slot J 50, shared by three: 17, 17, 16.
        var shares = ReferralSplit.Split(1_000, upline, Defaults);

        shares.Where(s => s.Slot == "J").Should().Equal(
            new ReferralShareLine("J", "j1", 17), new ReferralShareLine("J", "j2", 17), new ReferralShareLine("J", "j3", 16));
        shares.Sum(s => s.Points).Should().Be(1_000);
    }

    [Fact]
    public void Shares_of_odd_rewards_sum_to_r_exactly_by_largest_remainder()
    {
        ReferralAncestor[] upline = [new("a", 0), new("j1", 9), new("j2", 9), new("j3", 9)];
        foreach (var reward in new long[] { 0, 1, 7, 19, 99, 101, 333, 9_999, 123_457 })
        {
            var shares = ReferralSplit.Split(reward, upline, Defaults);

            shares.Sum(s => s.Points).Should().Be(reward);
            shares.Where(s => s.Points <= 0).Should().BeEmpty();
        }

        // 19: tree 9.5 → 9 or 10, pool 2.85, shop 5.7, direct 0.95: floors 9+2+5+0 = 16, three left to .95, .85, .7.
        var nineteen = ReferralSplit.Split(19, upline, Defaults);
        To(nineteen, ReferralAccount.Shop).Should().Be(6);
        nineteen.Single(s => s.Slot == ReferralSplit.Direct).Points.Should().Be(1);
        nineteen.Single(s => s.Slot == ReferralSplit.PoolSlot).Points.Should().Be(3);
        nineteen.Where(s => s.Slot.Length == 1).Sum(s => s.Points).Should().Be(9);
    }

    [Fact]
    public void Other_percentages_split_the_same_way()
    {
        var options = new ReferralOptions { TreePercent = 0, PoolPercent = 0, ShopPercent = 0, DirectPercent = 100 };

        var shares = ReferralSplit.Split(777, [new("r", 3)], options);

        shares.Should().Equal(new ReferralShareLine(ReferralSplit.Direct, "r", 777));
    }
}
