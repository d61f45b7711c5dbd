using System.Net;
using Checkout.IntegrationTests.Referrals;
using Checkout.Web.Data;
using Checkout.Web.Features.Referrals;
using Checkout.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>Referrers set once at registration from a code, and letters that rise (and cascade up) with the direct referrals.</summary>
public sealed class ReferralTreeTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Seed_shoppers_makes_the_load_shoppers_a_referral_tree_whose_letters_rose_and_a_second_run_changes_nothing()
    {
        await SeedShoppersCommand.RunAsync(_shop.Services, "7");
        await SeedShoppersCommand.RunAsync(_shop.Services, "7");

        await using var db = _shop.OpenDatabase();
        var members = await (from m in db.ReferralMembers
                             join u in db.Users on m.UserId equals u.Id
                             join r in db.Users on m.ReferrerId equals r.Id into referrers
                             from r in referrers.DefaultIfEmpty()
                             where u.Email!.StartsWith("load")
                             select new { u.Email, Referrer = r == null ? null : r.Email, m.Letter }).ToListAsync();
        members.Should().HaveCount(7);
        string Email(int k) => SeedShoppersCommand.EmailOf(k);
        members.Should().BeEquivalentTo(Enumerable.Range(1, 7).Select(k => new
        {
            Email = Email(k),
            Referrer = k == 1 ? null : Email(k / 2),
            Letter = k switch { 1 => 2, 2 or 3 => 1, _ => 0 }, // 4…7 hold A; 2 and 3 have two A each: B; 1 has two B: C
        }));
    }

    [Fact]
    public async Task A_visitor_from_a_referral_link_registers_under_its_shopper()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@referral.test", null);
        var code = await CodeOfAsync(referrer);
        using var visitor = _shop.CreateShopper();

        var form = await visitor.GetPageAsync($"/account/register?ref={code}");
        form.QuerySelector("input[name=ReferralCode]")!.GetAttribute("value").Should().Be(code);
        var registered = await visitor.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Дана Серікова", ["Email"] = "dana@example.kz", ["Password"] = "Дана Шымкенттен 2026",
            ["ConfirmPassword"] = "Дана Шымкенттен 2026", ["ReferralCode"] = $" {code.ToLowerInvariant()} ",
        });

        registered.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = _shop.OpenDatabase();
        var dana = await db.Users.SingleAsync(u => u.Email == "dana@example.kz");
        var member = await db.ReferralMembers.SingleAsync(m => m.UserId == dana.Id);
        member.ReferrerId.Should().Be(referrer);
        member.Letter.Should().Be(0);
        member.Code.Should().MatchRegex("^[2-9A-HJKMNP-Z]{8}$");
    }

    [Fact]
    public async Task An_unknown_code_is_refused_on_the_form_and_nothing_is_created()
    {
        using var visitor = _shop.CreateShopper();
        await using var before = _shop.OpenDatabase();
        var users = await before.Users.CountAsync();
        var members = await before.ReferralMembers.CountAsync();

        var refused = await visitor.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Дана Серікова", ["Email"] = "dana@example.kz", ["Password"] = "Дана Шымкенттен 2026",
            ["ConfirmPassword"] = "Дана Шымкенттен 2026", ["ReferralCode"] = "NOSUCH22",
        });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(refused)).QuerySelector(".validation")!.TextContent.Should().Contain("Мұндай шақыру коды жоқ");
        await using var after = _shop.OpenDatabase();
        (await after.Users.CountAsync()).Should().Be(users);
        (await after.ReferralMembers.CountAsync()).Should().Be(members);
        _shop.AccountMailTo("dana@example.kz").Should().BeEmpty();
    }

    [Fact]
    public async Task A_shopper_can_not_be_their_own_referrer_nor_take_another_referrer_later()
    {
        var shopper = await ReferralPeople.JoinAsync(_shop, "self@referral.test", null);
        var other = await ReferralPeople.JoinAsync(_shop, "other@referral.test", null);
        await using var scope = _shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await using var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(db, CancellationToken.None);
        var tree = scope.ServiceProvider.GetRequiredService<ReferralTree>();

        var self = () => tree.JoinAsync(db, shopper, shopper, CancellationToken.None);
        var again = () => tree.JoinAsync(db, shopper, other, CancellationToken.None);

        await self.Should().ThrowAsync<InvalidOperationException>();
        (await again.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*already has a referrer*");
        (await db.ReferralMembers.Where(m => m.UserId == shopper).Select(m => m.ReferrerId).SingleAsync()).Should().BeNull("the referrer is set once, at registration");
    }

    [Fact]
    public async Task Two_referrals_at_a_letter_raise_their_referrer_and_the_rise_cascades_up()
    {
        var root = await ReferralPeople.JoinAsync(_shop, "root@referral.test", null);
        var left = await ReferralPeople.JoinAsync(_shop, "left@referral.test", root);
        (await ReferralPeople.LetterAsync(_shop, root)).Should().Be(0, "one referral is not enough");
        var right = await ReferralPeople.JoinAsync(_shop, "right@referral.test", root);
        (await ReferralPeople.LetterAsync(_shop, root)).Should().Be(1, "two referrals at A make B");

        await ReferralPeople.JoinAsync(_shop, "left0@referral.test", left);
        await ReferralPeople.JoinAsync(_shop, "left1@referral.test", left);
        (await ReferralPeople.LetterAsync(_shop, left)).Should().Be(1);
        (await ReferralPeople.LetterAsync(_shop, root)).Should().Be(1, "only one referral holds B");

        await ReferralPeople.JoinAsync(_shop, "right0@referral.test", right);
        var last = await ReferralPeople.JoinAsync(_shop, "right1@referral.test", right);

        (await ReferralPeople.LetterAsync(_shop, right)).Should().Be(1);
        (await ReferralPeople.LetterAsync(_shop, root)).Should().Be(2, "the rise of the right cascades: two referrals at B make C");
        (await ReferralPeople.LetterAsync(_shop, last)).Should().Be(0);
    }

    private async Task<string> CodeOfAsync(string userId)
    {
        await using var db = _shop.OpenDatabase();
        return await db.ReferralMembers.Where(m => m.UserId == userId).Select(m => m.Code).SingleAsync();
    }
}
