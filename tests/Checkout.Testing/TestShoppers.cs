using System.Globalization;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Testing;

/// <summary>Extra shoppers for races: each signed in, with an address and one card of its own.</summary>
public static class TestShoppers
{
    public const string Password = "Racer-2026-kz!";

    public static readonly Money CardBalance = Money.FromTenge(5_000_000);

    public static async Task<IReadOnlyList<(Shopper Shopper, int CardId)>> CreateAsync(ShopFactory shop, int count)
    {
        var created = new List<(Shopper, int)>();
        for (var i = 1; i <= count; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"racer{i}-{Guid.NewGuid():N}@checkout.local");
            int cardId;
            await using (var scope = shop.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
                var user = new ShopUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    FullName = "Жарысушы",
                    PhoneNumber = "+7 700 111 22 33",
                    DeliveryAddress = "Алматы қ., Жарыс көшесі 1",
                };
                (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
                var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
                var card = new Card { UserId = user.Id, Name = "Kaspi Gold", BalanceTiyn = CardBalance.Tiyn, OpeningBalanceTiyn = CardBalance.Tiyn };
                db.Cards.Add(card);
                await db.SaveChangesAsync();
                cardId = card.Id;
            }

            var shopper = shop.CreateShopper();
            await shopper.LoginAsync(email, Password);
            created.Add((shopper, cardId));
        }

        return created;
    }
}
