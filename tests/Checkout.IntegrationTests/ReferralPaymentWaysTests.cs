using System.Net;
using Checkout.IntegrationTests.Referrals;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;

namespace Checkout.IntegrationTests;

/// <summary>
/// The reward is distributed when the money is the shop's, however it came: an online payment once the gateway confirms
/// it, cash on delivery once the courier has the cash — never while the order only waits for its money. And an order
/// cancelled while its shares are pending takes every one of them back, the signup gift into the pool again.
/// The cheap product's 29 990 ₸ give R = 2 999: the referrer's slot A and direct share are 150 + 150.
/// </summary>
public sealed class ReferralPaymentWaysTests
{
    private const long Reward = 2_999;

    [Fact]
    public async Task An_online_order_is_distributed_when_the_gateway_confirms_its_payment_and_not_while_it_waits()
    {
        using var sandbox = SandboxShop.NotifyingTheShop();
        var shop = sandbox.Shop;
        var referrer = await ReferralPeople.JoinAsync(shop, "referrer@referral.test", null);
        await ReferralPeople.JoinAsync(shop, "buyer@referral.test", referrer, canBuy: true);
        using var shopper = await shop.SignedInAsync("buyer@referral.test", ReferralPeople.Password);
        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await shop.WaitForOutboxAsync();

        (await ReferralPeople.DistributionAsync(shop, number)).Should().BeNull("nothing is paid while the order awaits its payment");
        (await ReferralPeople.PointsOfAsync(shop, referrer)).Pending.Should().Be(0);

        await sandbox.PayAsync(link, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(shop, number);
        await shop.WaitForOutboxAsync();

        var distribution = (await ReferralPeople.DistributionAsync(shop, number))!;
        (distribution.Status, distribution.Reward).Should().Be((ReferralDistribution.Pending, Reward));
        (await ReferralPeople.SharesAsync(shop, number)).Sum(s => s.Points).Should().Be(Reward);
        (await ReferralPeople.PointsOfAsync(shop, referrer)).Pending.Should().Be(300, "slot A and the direct share");
        await Ledger.AssertReplaysAsync(shop);
    }

    [Fact]
    public async Task A_cash_order_is_distributed_only_when_the_cash_is_recorded_and_its_shares_are_available_at_once()
    {
        using var shop = new ShopFactory();
        var referrer = await ReferralPeople.JoinAsync(shop, "referrer@referral.test", null);
        await ReferralPeople.JoinAsync(shop, "buyer@referral.test", referrer, canBuy: true);
        using var shopper = await shop.SignedInAsync("buyer@referral.test", ReferralPeople.Password);
        using var admin = await OrderFlows.AdminAsync(shop);

        var number = await OrderFlows.PlaceAsync(shopper, cardId: null);
        await OrderFlows.DriveToAsync(shopper, admin, number, OrderStatus.Shipped);
        await shop.WaitForOutboxAsync();

        (await ReferralPeople.DistributionAsync(shop, number)).Should().BeNull("the courier has no cash yet");

        (await OrderFlows.SetStatusAsync(admin, number, OrderStatus.Delivered)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await shop.WaitForOutboxAsync();

        var distribution = (await ReferralPeople.DistributionAsync(shop, number))!;
        (distribution.Status, distribution.Reward).Should().Be((ReferralDistribution.Released, Reward), "the goods were handed over with the cash");
        var points = await ReferralPeople.PointsOfAsync(shop, referrer);
        (points.Available, points.Pending).Should().Be((300L, 0L));
        (await ReferralPeople.AccountAsync(shop, ReferralAccount.Shop)).Available.Should().Be(900);
        await Ledger.AssertReplaysAsync(shop);
    }

    [Fact]
    public async Task An_order_cancelled_while_its_shares_are_pending_takes_them_all_back_and_the_gift_returns_to_the_pool()
    {
        using var shop = new ShopFactory();
        var referrer = await ReferralPeople.JoinAsync(shop, "referrer@referral.test", null);
        var buyer = await ReferralPeople.JoinAsync(shop, "buyer@referral.test", referrer, canBuy: true);
        await ReferralPeople.SetPoolAsync(shop, 10_000);

        var (shopper, number) = await ReferralPeople.BuyAsync(shop, buyer);
        await shop.WaitForOutboxAsync();
        (await ReferralPeople.DistributionAsync(shop, number))!.Gift.Should().Be(500);
        (await ReferralPeople.PointsOfAsync(shop, referrer)).Pending.Should().Be(300);
        (await ReferralPeople.AccountAsync(shop, ReferralAccount.Pool)).Available.Should().Be(9_500, "the gift left the pool");

        (await OrderFlows.CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ReferralPeople.DistributionAsync(shop, number))!.Status.Should().Be(ReferralDistribution.Revoked);
        foreach (var userId in new[] { referrer, buyer })
        {
            var points = await ReferralPeople.PointsOfAsync(shop, userId);
            (points.Available, points.Pending, points.Owed).Should().Be((0L, 0L, 0L), "the shares, the gift and the order's own points vanish");
        }

        var pool = await ReferralPeople.AccountAsync(shop, ReferralAccount.Pool);
        (pool.Available, pool.Pending, pool.Owed).Should().Be((10_000L, 0L, 0L), "the gift is back and the pool's share gone");
        var shopAccount = await ReferralPeople.AccountAsync(shop, ReferralAccount.Shop);
        (shopAccount.Available, shopAccount.Pending, shopAccount.Owed).Should().Be((0L, 0L, 0L));
        await Ledger.AssertReplaysAsync(shop);
    }

    [Fact]
    public async Task The_tree_share_looks_no_further_up_than_max_depth_and_the_slots_beyond_go_to_the_pool()
    {
        using var shop = new ShopFactory { Settings = { ["Referral:MaxDepth"] = "2" } };
        var chain = await ReferralPeople.ChainAsync(shop, "depth", 3); // top (letter C), middle (B), referrer (A)
        await ReferralPeople.SetLettersAsync(shop, new Dictionary<string, int> { [chain[0]] = 2, [chain[1]] = 1, [chain[2]] = 0 });
        var buyer = await ReferralPeople.JoinAsync(shop, "buyer@referral.test", chain[2], canBuy: true);
        await ReferralPeople.SetPoolAsync(shop, 0);

        var (_, number) = await ReferralPeople.BuyAsync(shop, buyer);
        await shop.WaitForOutboxAsync();

        var shares = await ReferralPeople.SharesAsync(shop, number);
        shares.Single(s => s.Slot == "A").Beneficiary.Should().Be(chain[2]);
        shares.Single(s => s.Slot == "B").Beneficiary.Should().Be(chain[1]);
        shares.Single(s => s.Slot == "C").Beneficiary.Should().Be(ReferralAccount.Pool, "the third ancestor is beyond the depth");
        (await ReferralPeople.PointsOfAsync(shop, chain[0])).Pending.Should().Be(0);
        shares.Sum(s => s.Points).Should().Be(Reward);
    }
}
