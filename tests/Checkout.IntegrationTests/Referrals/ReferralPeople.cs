using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.Referrals;

/// <summary>Builds referral trees in a test shop: shoppers made as the registration makes them (account and member row in one transaction).</summary>
public static class ReferralPeople
{
    public const string Password = "Referral Test 2026!";

    public const long CardTenge = 10_000_000;

    /// <summary>A confirmed shopper under <paramref name="referrerId"/>; with <paramref name="canBuy"/> a password and a card too. Returns the id.</summary>
    public static async Task<string> JoinAsync(ShopFactory shop, string email, string? referrerId, bool canBuy = false)
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ShopDbContext>();
        var users = services.GetRequiredService<UserManager<ShopUser>>();
        var user = new ShopUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email };
        if (canBuy)
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
            user.PhoneNumber = "+7 701 000 00 00";
            user.DeliveryAddress = "Алматы, Абай даңғылы 1";
        }

        await using var transaction = await services.GetRequiredService<WriteTransactions>().BeginAsync(db, CancellationToken.None);
        (await users.CreateAsync(user)).Succeeded.Should().BeTrue();
        await services.GetRequiredService<ReferralTree>().JoinAsync(db, user.Id, referrerId, CancellationToken.None);
        if (canBuy)
        {
            db.Cards.Add(new Card
            {
                UserId = user.Id, Name = "Kaspi Gold", BalanceTiyn = Money.FromTenge(CardTenge).Tiyn,
                OpeningBalanceTiyn = Money.FromTenge(CardTenge).Tiyn, CreatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync(CancellationToken.None);
        return user.Id;
    }

    /// <summary>A chain from the top down: the first joins under <paramref name="top"/>, each next under the one before; returns ids top first.</summary>
    public static async Task<List<string>> ChainAsync(ShopFactory shop, string prefix, int length, string? top = null)
    {
        var chain = new List<string>();
        for (var i = 0; i < length; i++)
        {
            chain.Add(await JoinAsync(shop, $"{prefix}{i}@referral.test", chain.Count > 0 ? chain[^1] : top));
        }

        return chain;
    }

    /// <summary>Gives shoppers letters as a test needs them (the tree's own rises are tested apart).</summary>
    public static async Task SetLettersAsync(ShopFactory shop, IReadOnlyDictionary<string, int> letters)
    {
        await using var db = shop.OpenDatabase();
        foreach (var (userId, letter) in letters)
        {
            await db.ReferralMembers.Where(m => m.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Letter, letter));
        }
    }

    public static async Task<int> LetterAsync(ShopFactory shop, string userId)
    {
        await using var db = shop.OpenDatabase();
        return await db.ReferralMembers.Where(m => m.UserId == userId).Select(m => m.Letter).SingleAsync();
    }

    public static async Task SetPoolAsync(ShopFactory shop, long available)
    {
        await using var db = shop.OpenDatabase();
        await db.ReferralAccounts.Where(a => a.Name == ReferralAccount.Pool).ExecuteUpdateAsync(s => s.SetProperty(a => a.Available, available));
    }

    /// <summary>Signs the shopper in and pays for one of the cheap product (29 990 ₸ of goods: R = 2 999) with their card; returns the order number.</summary>
    public static async Task<(Shopper Buyer, string Number)> BuyAsync(ShopFactory shop, string userId)
    {
        await using var db = shop.OpenDatabase();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        var buyer = await shop.SignedInAsync(user.Email!, Password);
        return (buyer, await OrderFlows.PlaceAsync(buyer, await CardOfAsync(shop, userId)));
    }

    /// <summary>The id of the shopper's card (made by <see cref="JoinAsync"/> with canBuy).</summary>
    public static async Task<int> CardOfAsync(ShopFactory shop, string userId)
    {
        await using var db = shop.OpenDatabase();
        return await db.Cards.Where(c => c.UserId == userId).Select(c => c.Id).FirstAsync();
    }

    public static async Task<PointsBalance> PointsOfAsync(ShopFactory shop, string userId)
    {
        await using var db = shop.OpenDatabase();
        return await db.PointsBalances.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId) ?? new PointsBalance { UserId = userId };
    }

    public static async Task<ReferralAccount> AccountAsync(ShopFactory shop, string name)
    {
        await using var db = shop.OpenDatabase();
        return await db.ReferralAccounts.AsNoTracking().SingleAsync(a => a.Name == name);
    }

    public static async Task<List<ReferralShare>> SharesAsync(ShopFactory shop, string number)
    {
        await using var db = shop.OpenDatabase();
        return await db.ReferralShares.AsNoTracking().Where(s => s.OrderNumber == number).OrderBy(s => s.Id).ToListAsync();
    }

    public static async Task<ReferralDistribution?> DistributionAsync(ShopFactory shop, string number)
    {
        await using var db = shop.OpenDatabase();
        return await db.ReferralDistributions.AsNoTracking().SingleOrDefaultAsync(d => d.OrderNumber == number);
    }
}
