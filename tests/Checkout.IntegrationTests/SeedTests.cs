using System.Text.Json;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

public sealed class SeedTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Seeds_the_demo_data_of_SPEC_from_the_seed_folder()
    {
        _ = _shop.Server;
        await using var db = _shop.OpenDatabase();

        var demo = await db.Users.SingleAsync(u => u.Email == "demo@checkout.local");
        demo.FullName.Should().Be("Айгерім Сейітқызы");
        demo.DeliveryAddress.Should().Contain("Алматы");
        (await db.Cards.Where(c => c.UserId == demo.Id).OrderBy(c => c.Id).Select(c => new { c.Name, c.BalanceTiyn }).ToListAsync())
            .Should().Equal(
                new { Name = "Kaspi Gold", BalanceTiyn = Money.FromTenge(4_300_000).Tiyn },
                new { Name = "Halyk Bank", BalanceTiyn = Money.FromTenge(2_100_000).Tiyn },
                new { Name = "BCC", BalanceTiyn = Money.FromTenge(650_000).Tiyn });
        (await db.Cards.CountAsync(c => db.Users.Any(u => u.Id == c.UserId && u.Email == "aidos@checkout.local"))).Should().Be(2);
        (await db.Stores.Select(s => s.Name).ToListAsync()).Should().Contain(["Kaspi.kz", "iSpace Apple", "Sulpak"]);

        var iphoneOrange = await db.Products.Include(p => p.Offers).SingleAsync(p => p.Id == 1);
        iphoneOrange.Name.Should().Be("Apple iPhone 17 Pro Max");
        iphoneOrange.Color.Should().Be("Оранжевый");
        iphoneOrange.Storage.Should().Be("256GB");
        iphoneOrange.Offers.Min(o => o.PriceTiyn).Should().Be(Money.FromTenge(925_990).Tiyn);
        var iphoneBlue = await db.Products.Include(p => p.Offers).SingleAsync(p => p.Id == 2);
        iphoneBlue.Color.Should().Be("Темно-синий");
        iphoneBlue.Offers.Select(o => o.PriceTiyn).Order().Should().Equal(Money.FromTenge(934_990).Tiyn, Money.FromTenge(957_990).Tiyn);
        (await db.Products.CountAsync()).Should().BeGreaterThanOrEqualTo(14);
        (await db.Products.Select(p => p.Category).Distinct().CountAsync()).Should().BeGreaterThan(3);
        (await db.Products.AllAsync(p => p.Offers.Any() && p.Stock > 0)).Should().BeTrue();
    }

    [Fact]
    public async Task Seeds_a_referral_tree_under_the_demo_shopper_across_letters_d_c_b_a()
    {
        _ = _shop.Server;
        await using var db = _shop.OpenDatabase();

        var letters = await db.ReferralMembers.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Letter, m.ReferrerId })
            .ToListAsync();
        var demo = await db.Users.SingleAsync(u => u.Email == "demo@checkout.local");
        letters.Single(x => x.Email == "demo@checkout.local").Letter.Should().Be(3, "D: two referrals at C, each with two at B, each with two at A");
        letters.Where(x => x.Email!.StartsWith("team", StringComparison.Ordinal)).GroupBy(x => x.Letter).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<int, int> { [2] = 2, [1] = 4, [0] = 8 });
        letters.Count(x => x.ReferrerId == demo.Id).Should().Be(2);
        letters.Should().OnlyHaveUniqueItems();
        (await db.ReferralMembers.Select(m => m.Code).Distinct().CountAsync()).Should().Be(letters.Count);
    }

    [Fact]
    public async Task The_seed_is_applied_once_however_often_the_shop_starts()
    {
        _ = _shop.Server; // the shop started on an already seeded database: its seeder ran again
        await using var scope = _shop.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Checkout.Web.Data.DemoDataSeeder>().SeedAsync();

        await using var db = _shop.OpenDatabase();
        var productsInSeed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "products.json")))
            .RootElement.GetArrayLength();
        (await db.Users.CountAsync()).Should().Be(3 + 14, "the demo shoppers and the referral team");
        (await db.ReferralMembers.CountAsync()).Should().Be(3 + 14);
        (await db.Stores.CountAsync()).Should().Be(5);
        (await db.Products.CountAsync()).Should().Be(productsInSeed);
        (await db.Cards.CountAsync()).Should().Be(5);
    }
}
