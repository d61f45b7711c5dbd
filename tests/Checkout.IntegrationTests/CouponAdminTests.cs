using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>The admin's coupons: the demo ones from seed/coupons.json, create, edit, deactivate, and what the form refuses.</summary>
public sealed class CouponAdminTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task The_five_demo_coupons_are_listed_with_their_uses()
    {
        using var admin = await AdminAsync(_shop);

        var rows = (await admin.GetPageAsync("/admin/coupons")).QuerySelectorAll("tr[data-coupon-code]");

        rows.Select(r => r.GetAttribute("data-coupon-code")).Should().Equal("GIFT100", "LIMIT3", "MINUS5000", "OLD2025", "WELCOME10");
        rows.Should().OnlyContain(r => r.GetAttribute("data-used") == "0" && r.GetAttribute("data-active") == "true");
        rows.Single(r => r.GetAttribute("data-coupon-code") == "LIMIT3").TextContent.Should().Contain("0 / 3");
        await using var db = _shop.OpenDatabase();
        var coupons = await db.Coupons.ToDictionaryAsync(c => c.Code);
        coupons["WELCOME10"].Should().BeEquivalentTo(new { Kind = "percent", Percent = 10, PerShopperLimit = 1, UsageLimit = (int?)null });
        coupons["MINUS5000"].Should().BeEquivalentTo(new { Kind = "fixed", AmountTiyn = 500_000L, MinSubtotalTiyn = 5_000_000L });
        coupons["GIFT100"].Should().BeEquivalentTo(new { Percent = 100, FreeDelivery = true, UsageLimit = (int?)1 });
        coupons["OLD2025"].ValidUntilUtc.Should().Be(new DateTime(2025, 12, 31, 19, 0, 0), "its last day ends at midnight in Almaty (UTC+5)");
    }

    [Fact]
    public async Task Admin_creates_edits_and_deactivates_a_coupon()
    {
        using var admin = await AdminAsync(_shop);

        var created = await admin.PostFormAsync("/admin/coupons/new", Form("spring15", kind: "percent", percent: "15", min: "10000", from: "2026-03-01", to: "2026-03-31"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using (var db = _shop.OpenDatabase())
        {
            (await db.Coupons.SingleAsync(c => c.Code == "SPRING15")).Should().BeEquivalentTo(new
            {
                Kind = "percent", Percent = 15, MinSubtotalTiyn = 1_000_000L, Active = true, Used = 0,
                ValidFromUtc = (DateTime?)new DateTime(2026, 2, 28, 19, 0, 0), ValidUntilUtc = (DateTime?)new DateTime(2026, 3, 31, 19, 0, 0),
            });
        }

        var id = await IdOfAsync("SPRING15");
        var form = await admin.GetPageAsync($"/admin/coupons/{id}");
        form.QuerySelector("input[name=ValidTo]")!.GetAttribute("value").Should().Be("2026-03-31");
        (await admin.PostFormAsync($"/admin/coupons/{id}", Form("SPRING15", kind: "fixed", amount: "2000", limit: "100"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/admin/coupons/{id}/deactivate", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var after = _shop.OpenDatabase();
        (await after.Coupons.SingleAsync(c => c.Id == id)).Should().BeEquivalentTo(new
        {
            Kind = "fixed", Percent = 0, AmountTiyn = 200_000L, UsageLimit = (int?)100, Active = false, ValidFromUtc = (DateTime?)null,
        });
    }

    [Theory]
    [InlineData("WELCOME10", "percent", "10", "", "Мұндай промокод бар")]
    [InlineData("А!", "percent", "10", "", "Промокод 3–32 латын әрпінен")]
    [InlineData("BIG", "percent", "101", "", "Жеңілдік пайызы 1-ден 100-ге дейін")]
    [InlineData("NOTHING", "fixed", "", "", "Сома 1 ₸-ден")]
    [InlineData("ODD", "bogus", "10", "", "Промокодтың түрін таңдаңыз")]
    [InlineData("ZERO", "percent", "10", "0", "Шек 1-ден кем болмауы керек")]
    public async Task A_form_the_rules_refuse_comes_back_saying_why_and_changes_nothing(string code, string kind, string value, string limit, string reason)
    {
        using var admin = await AdminAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await admin.PostFormAsync("/admin/coupons/new", Form(code, kind, percent: value, amount: value, limit: limit));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain(reason);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task The_total_limit_can_not_go_below_the_uses_already_counted()
    {
        using var admin = await AdminAsync(_shop);
        var id = await IdOfAsync("LIMIT3");
        await using (var db = _shop.OpenDatabase())
        {
            await db.Coupons.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, 2));
        }

        var response = await admin.PostFormAsync($"/admin/coupons/{id}", Form("LIMIT3", "percent", percent: "10", limit: "1"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain("(2)");
        await using var after = _shop.OpenDatabase();
        (await after.Coupons.SingleAsync(c => c.Id == id)).UsageLimit.Should().Be(3);
    }

    [Fact]
    public async Task A_shopper_is_kept_out_of_the_coupons()
    {
        using var shopper = await _shop.SignedInAsync();

        (await shopper.Http.GetAsync(new Uri("/admin/coupons", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await shopper.PostFormAsync("/admin/coupons/new", Form("HACK", "percent", percent: "100"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = _shop.OpenDatabase();
        (await db.Coupons.CountAsync()).Should().Be(5);
    }

    private async Task<int> IdOfAsync(string code)
    {
        await using var db = _shop.OpenDatabase();
        return await db.Coupons.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    private static Dictionary<string, string> Form(string code, string kind, string percent = "", string amount = "", string min = "",
        string from = "", string to = "", string limit = "", string perShopper = "1") => new()
    {
        ["Code"] = code,
        ["Kind"] = kind,
        ["Percent"] = kind == CouponKinds.Percent ? percent : "",
        ["Amount"] = kind == CouponKinds.Fixed ? amount : "",
        ["FreeDelivery"] = "false",
        ["MinSubtotal"] = min,
        ["ValidFrom"] = from,
        ["ValidTo"] = to,
        ["UsageLimit"] = limit,
        ["PerShopperLimit"] = perShopper,
        ["Active"] = "true",
    };
}
