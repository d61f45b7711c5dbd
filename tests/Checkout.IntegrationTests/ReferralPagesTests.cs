using System.Net;
using Checkout.IntegrationTests.Referrals;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>«Менің командам» for the shopper; the accounts, settings, distribution logs and anyone's tree for the admin.</summary>
public sealed class ReferralPagesTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task My_team_shows_the_code_link_letter_direct_referrals_team_per_letter_and_rewards()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "team@referral.test", null, canBuy: true);
        var first = await ReferralPeople.JoinAsync(_shop, "first@referral.test", referrer);
        var second = await ReferralPeople.JoinAsync(_shop, "second@referral.test", referrer);
        await ReferralPeople.JoinAsync(_shop, "grandchild@referral.test", first);
        await ReferralPeople.JoinAsync(_shop, "grandchild2@referral.test", first);
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", second, canBuy: true);
        await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();
        using var shopper = await _shop.SignedInAsync("team@referral.test", ReferralPeople.Password);

        var page = await shopper.GetPageAsync("/account/referrals");

        await using var db = _shop.OpenDatabase();
        var code = await db.ReferralMembers.Where(m => m.UserId == referrer).Select(m => m.Code).SingleAsync();
        page.QuerySelector("[data-referral-code]")!.GetAttribute("data-referral-code").Should().Be(code);
        page.QuerySelector("[data-referral-link]")!.TextContent.Should().EndWith($"/account/register?ref={code}");
        page.QuerySelector("[data-referral-letter]")!.GetAttribute("data-referral-letter").Should().Be("B", "two direct referrals at A");
        page.QuerySelectorAll("[data-direct-referral]").Should().HaveCount(2);
        page.QuerySelector("[data-team-letter=A]")!.TextContent.Should().Be("4", "second, the grandchildren and the buyer hold A");
        page.QuerySelector("[data-team-letter=B]")!.TextContent.Should().Be("1", "first rose to B with two of their own");
        var pending = (await db.ReferralShares.Where(s => s.Beneficiary == referrer).SumAsync(s => s.Points));
        pending.Should().Be(150, "slot B: the buyer's referrer holds A");
        page.QuerySelector("[data-referral-pending]")!.GetAttribute("data-referral-pending").Should().Be($"{pending}");
        page.QuerySelector("[data-referral-available]")!.GetAttribute("data-referral-available").Should().Be("0");
        page.QuerySelector("a[href='/account/referrals']").Should().NotBeNull("the header links the page");
    }

    [Fact]
    public async Task A_shopper_from_before_referrals_gets_a_code_on_first_sight_of_the_page()
    {
        using var shopper = await _shop.SignedInAsync(Shopper.AidosEmail, Shopper.AidosPassword);

        var page = await shopper.GetPageAsync("/account/referrals");

        page.QuerySelector("[data-referral-code]")!.GetAttribute("data-referral-code").Should().MatchRegex("^[2-9A-HJKMNP-Z]{8}$");
        (await shopper.GetPageAsync("/account/referrals")).QuerySelector("[data-referral-code]")!.GetAttribute("data-referral-code")
            .Should().Be(page.QuerySelector("[data-referral-code]")!.GetAttribute("data-referral-code"), "made once");
    }

    [Fact]
    public async Task The_admin_sees_the_accounts_the_settings_a_shoppers_upline_and_downline_and_each_distribution_log()
    {
        var top = await ReferralPeople.JoinAsync(_shop, "top@referral.test", null);
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@referral.test", top);
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", referrer, canBuy: true);
        var (_, number) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.WaitForOutboxAsync();
        using var admin = await OrderFlows.AdminAsync(_shop);

        var overview = await admin.GetPageAsync("/admin/referrals?shopper=buyer@referral.test");

        overview.QuerySelector("[data-account=pool]").Should().NotBeNull();
        overview.QuerySelector("[data-account=shop]")!.GetAttribute("data-pending").Should().Be("900");
        overview.QuerySelector(".referral-settings")!.TextContent.Should().Contain("Referral:RewardPercent = 10 %").And.Contain("Referral:SignupGift = 500");
        overview.QuerySelectorAll("[data-upline]").Select(li => li.GetAttribute("data-upline")).Should().Equal("referrer@referral.test", "top@referral.test");
        overview.QuerySelector($"[data-distribution='{number}']")!.GetAttribute("data-status").Should().Be(ReferralDistribution.Pending);
        var downline = await admin.GetPageAsync("/admin/referrals?shopper=top@referral.test");
        downline.QuerySelector("[data-team-letter=A]")!.TextContent.Should().Be("2");

        var log = await admin.GetPageAsync($"/admin/referrals/orders/{number}");

        log.QuerySelector("[data-reward]")!.GetAttribute("data-reward").Should().Be("2999");
        log.QuerySelector("[data-slot=A][data-beneficiary]")!.GetAttribute("data-beneficiary").Should().Be(referrer, "both hold A: the nearest");
        log.QuerySelector($"[data-slot=direct]")!.GetAttribute("data-beneficiary").Should().Be(referrer);
        log.QuerySelector("[data-slot=shop]")!.GetAttribute("data-points").Should().Be("900");
        log.QuerySelectorAll("[data-points]").Sum(r => long.Parse(r.GetAttribute("data-points")!)).Should().Be(2_999);
        (await admin.Http.GetAsync("/admin/referrals/orders/ORD-NOSUCH")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_shopper_can_not_open_the_admins_referral_pages()
    {
        using var shopper = await _shop.SignedInAsync();

        var response = await shopper.Http.GetAsync("/admin/referrals");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
