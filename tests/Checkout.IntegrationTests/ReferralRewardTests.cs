using Checkout.IntegrationTests.Referrals;
using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// A paid order's reward R = 10 % of its goods, split in the outbox worker: the cheap product's 29 990 ₸ give R = 2 999 —
/// tree 1 499 (slots A…I 150, J 149), pool 450, shop 900, direct 150.
/// </summary>
public sealed class ReferralRewardTests : IDisposable
{
    private const long Reward = 2_999;

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_12_deep_chain_pays_each_letter_once_and_shares_slot_j_among_three_with_a_remainder()
    {
        // Nearest first the buyer's upline holds A, B, … I, then J three times.
        var chain = await ReferralPeople.ChainAsync(_shop, "chain", 12);
        int[] lettersTopDown = [9, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        await ReferralPeople.SetLettersAsync(_shop, chain.Zip(lettersTopDown).ToDictionary(x => x.First, x => x.Second));
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", chain[^1], canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 0);

        var (_, number) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();

        var shares = await ReferralPeople.SharesAsync(_shop, number);
        shares.Sum(s => s.Points).Should().Be(Reward);
        for (var letter = 0; letter < 9; letter++)
        {
            shares.Should().ContainSingle(s => s.Slot == ReferralLetters.Name(letter))
                .Which.Should().Match<ReferralShare>(s => s.Beneficiary == chain[11 - letter] && s.Points == 150);
        }

        shares.Where(s => s.Slot == "J").Select(s => (s.Beneficiary, s.Points)).Should().Equal((chain[2], 50L), (chain[1], 50L), (chain[0], 49L));
        shares.Should().ContainSingle(s => s.Slot == ReferralSplit.Direct).Which.Beneficiary.Should().Be(chain[11]);
        shares.Where(s => s.Beneficiary == ReferralAccount.Pool).Sum(s => s.Points).Should().Be(450);
        shares.Where(s => s.Beneficiary == ReferralAccount.Shop).Sum(s => s.Points).Should().Be(900);
        (await ReferralPeople.PointsOfAsync(_shop, chain[11])).Pending.Should().Be(300, "slot A and the direct share");
        (await ReferralPeople.PointsOfAsync(_shop, chain[0])).Pending.Should().Be(49);
        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Pool)).Pending.Should().Be(450);
        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Shop)).Pending.Should().Be(900);
        (await ReferralPeople.DistributionAsync(_shop, number))!.Status.Should().Be(ReferralDistribution.Pending);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Slots_nobody_holds_go_to_the_gifts_pool()
    {
        var top = await ReferralPeople.JoinAsync(_shop, "top@referral.test", null);
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@referral.test", top);
        await ReferralPeople.SetLettersAsync(_shop, new Dictionary<string, int> { [top] = 0, [referrer] = 2 });
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", referrer, canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 0);

        var (_, number) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();

        var shares = await ReferralPeople.SharesAsync(_shop, number);
        shares.Single(s => s.Slot == "A").Beneficiary.Should().Be(top);
        shares.Single(s => s.Slot == "C").Beneficiary.Should().Be(referrer);
        shares.Where(s => s.Slot is "B" or "D" or "E" or "F" or "G" or "H" or "I" or "J").Should()
            .HaveCount(8).And.OnlyContain(s => s.Beneficiary == ReferralAccount.Pool);
        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Pool)).Pending.Should().Be(7 * 150 + 149 + 450);
        (await ReferralPeople.PointsOfAsync(_shop, referrer)).Pending.Should().Be(150 + 150);
        shares.Sum(s => s.Points).Should().Be(Reward);
    }

    [Fact]
    public async Task The_first_paid_order_takes_no_signup_gift_from_an_empty_pool_and_no_later_order_does()
    {
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", null, canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 499);

        var (shopper, first) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();
        await ReferralPeople.SetPoolAsync(_shop, 10_000);
        var second = await OrderFlows.PlaceAsync(shopper, await ReferralPeople.CardOfAsync(_shop, buyer));
        await _shop.WaitForOutboxAsync();

        (await ReferralPeople.DistributionAsync(_shop, first))!.Gift.Should().Be(0);
        (await ReferralPeople.DistributionAsync(_shop, second))!.Gift.Should().Be(0);
        (await ReferralPeople.PointsOfAsync(_shop, buyer)).Pending.Should().Be(2 * 299, "only the 1 % the orders earn themselves");
        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Pool)).Available.Should().Be(10_000);
    }

    [Fact]
    public async Task The_first_paid_order_takes_the_signup_gift_from_a_full_pool_once()
    {
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", null, canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 10_000);

        var (shopper, first) = await ReferralPeople.BuyAsync(_shop, buyer);
        var second = await OrderFlows.PlaceAsync(shopper, await ReferralPeople.CardOfAsync(_shop, buyer)); // queued behind the first
        await _shop.WaitForOutboxAsync();

        (await ReferralPeople.DistributionAsync(_shop, first))!.Gift.Should().Be(500);
        (await ReferralPeople.DistributionAsync(_shop, second))!.Gift.Should().Be(0);
        (await ReferralPeople.PointsOfAsync(_shop, buyer)).Pending.Should().Be(500 + 2 * 299);
        var pool = await ReferralPeople.AccountAsync(_shop, ReferralAccount.Pool);
        pool.Available.Should().Be(9_500);
        pool.Pending.Should().Be(2 * (450 + 1_499 + 150), "no referrer: tree and direct to the pool");
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_refund_takes_back_every_share_and_the_pool_and_shop_are_debited_back()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@referral.test", null);
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", referrer, canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 0);
        using var admin = await OrderFlows.AdminAsync(_shop);

        var (shopper, number) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();
        await OrderFlows.DriveToAsync(shopper, admin, number, OrderStatus.Delivered);
        (await ReferralPeople.PointsOfAsync(_shop, referrer)).Available.Should().Be(300, "slot A and direct, released on delivery");
        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Shop)).Available.Should().Be(900);
        (await ReferralPeople.DistributionAsync(_shop, number))!.Status.Should().Be(ReferralDistribution.Released);

        (await OrderFlows.RequestReturnAsync(shopper, number)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        (await OrderFlows.ApproveAsync(admin, number)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);

        var points = await ReferralPeople.PointsOfAsync(_shop, referrer);
        (points.Available, points.Pending, points.Owed).Should().Be((0L, 0L, 0L));
        foreach (var name in new[] { ReferralAccount.Pool, ReferralAccount.Shop })
        {
            var account = await ReferralPeople.AccountAsync(_shop, name);
            (account.Available, account.Pending, account.Owed).Should().Be((0L, 0L, 0L), name);
        }

        (await ReferralPeople.DistributionAsync(_shop, number))!.Status.Should().Be(ReferralDistribution.Revoked);
        await using var db = _shop.OpenDatabase();
        (await db.PointsEntries.CountAsync(e => e.OrderNumber == number && e.Kind == PointsEntryKinds.ReferralTakenBack)).Should().Be(1);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task An_order_cancelled_before_its_distribution_ran_never_pays()
    {
        using var shop = new ShopFactory { TestDeliversOutbox = true };
        var referrer = await ReferralPeople.JoinAsync(shop, "referrer@referral.test", null);
        var buyer = await ReferralPeople.JoinAsync(shop, "buyer@referral.test", referrer, canBuy: true);

        var (shopper, number) = await ReferralPeople.BuyAsync(shop, buyer);
        (await OrderFlows.CancelAsync(shopper, number)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        await shop.DeliverOutboxAsync();

        (await ReferralPeople.DistributionAsync(shop, number))!.Status.Should().Be(ReferralDistribution.Void);
        (await ReferralPeople.SharesAsync(shop, number)).Should().BeEmpty();
        (await ReferralPeople.PointsOfAsync(shop, referrer)).Pending.Should().Be(0);
        await Ledger.AssertReplaysAsync(shop);
    }

    [Fact]
    public async Task A_shopper_registered_with_a_code_buys_and_on_delivery_the_referrer_gets_exactly_their_shares()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@referral.test", null);
        await using (var db = _shop.OpenDatabase())
        {
            var code = await db.ReferralMembers.Where(m => m.UserId == referrer).Select(m => m.Code).SingleAsync();
            using var visitor = _shop.CreateShopper();
            await visitor.PostFormAsync("/account/register", new Dictionary<string, string>
            {
                ["FullName"] = "Дана", ["Email"] = "dana@example.kz", ["Password"] = ReferralPeople.Password,
                ["ConfirmPassword"] = ReferralPeople.Password, ["ReferralCode"] = code,
            });
            await visitor.ConfirmAsync(_shop.AccountMailTo("dana@example.kz").Single());
            var dana = await db.Users.SingleAsync(u => u.Email == "dana@example.kz");
            dana.PhoneNumber = "+7 701 000 00 00";
            dana.DeliveryAddress = "Алматы, Абай даңғылы 1";
            db.Cards.Add(new Card { UserId = dana.Id, Name = "Kaspi Gold", BalanceTiyn = 100_000_000, OpeningBalanceTiyn = 100_000_000, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var before = await ReferralPeople.PointsOfAsync(_shop, referrer);
        await using var check = _shop.OpenDatabase();
        var buyer = await check.Users.Where(u => u.Email == "dana@example.kz").Select(u => u.Id).SingleAsync();
        var (shopper, number) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();
        (await ReferralPeople.PointsOfAsync(_shop, referrer)).Available.Should().Be(before.Available, "pending until delivered");
        using var admin = await OrderFlows.AdminAsync(_shop);
        await OrderFlows.DriveToAsync(shopper, admin, number, OrderStatus.Delivered);

        var theirs = (await ReferralPeople.SharesAsync(_shop, number)).Where(s => s.Beneficiary == referrer).Sum(s => s.Points);
        theirs.Should().Be(300);
        var after = await ReferralPeople.PointsOfAsync(_shop, referrer);
        (after.Available - before.Available).Should().Be(theirs);
        after.Pending.Should().Be(before.Pending);
        await Ledger.AssertReplaysAsync(_shop);
    }
}
