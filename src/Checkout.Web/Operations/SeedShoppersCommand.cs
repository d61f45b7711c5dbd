using System.Globalization;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Operations;

/// <summary>
/// <c>dotnet run --project src/Checkout.Web -- seed-shoppers N</c>: prepares a database for a load run.
/// Creates the shoppers <c>load1@checkout.local</c> … <c>loadN@checkout.local</c> (password <see cref="Password"/>),
/// each with an address and one card too rich to run dry, and one product with stock that doesn't run out. They form a
/// referral tree, as a real shop's shoppers do: shopper k was referred by shopper k / 2 (so load1 is the root, and the
/// letters rise up to D for 16), and a pay run pays referral shares up the tree.
/// Idempotent: what exists is left as it is, so a second run changes nothing. Never in Production: the
/// password is in the source.
/// </summary>
public static class SeedShoppersCommand
{
    public const string Password = "Load123!";
    public const string CardName = "Load Card";
    public const string ProductName = "Жүктеме тауары / Load test item";
    public const string StoreName = "Жүктеме дүкені / Load test store";
    public const int MaxShoppers = 10_000;
    public const int ProductStock = 1_000_000_000;

    public static readonly Money CardBalance = Money.FromTenge(1_000_000_000_000);
    public static readonly Money ProductPrice = Money.FromTenge(1_000);

    /// <summary>The shopper's address, by the rule every account's address follows.</summary>
    public static string EmailOf(int shopper) =>
        EmailAddresses.Normalize(string.Create(CultureInfo.InvariantCulture, $"load{shopper}@checkout.local"))
        ?? throw new InvalidOperationException("The load shoppers' address is not one the shop accepts.");

    /// <summary>Runs the command; a bad argument or a refusal prints why and sets a non-zero exit code.</summary>
    public static async Task RunAsync(IServiceProvider services, string count)
    {
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var shoppers) || shoppers is < 1 or > MaxShoppers)
        {
            await Console.Error.WriteLineAsync($"usage: seed-shoppers N, where N is a whole number from 1 to {MaxShoppers}; got '{count}'.");
            Environment.ExitCode = 2;
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (environment.IsProduction())
        {
            await Console.Error.WriteLineAsync("seed-shoppers: refused in Production (the load shoppers' password is public). " +
                "Run it with ASPNETCORE_ENVIRONMENT=Development or Staging.");
            Environment.ExitCode = 3;
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var tree = scope.ServiceProvider.GetRequiredService<ReferralTree>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var productId = await EnsureProductAsync(db, now);

        int created = 0, existing = 0, cardsAdded = 0;
        var ids = new Dictionary<int, string>();
        for (var k = 1; k <= shoppers; k++)
        {
            var email = EmailOf(k);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ShopUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    FullName = string.Create(CultureInfo.InvariantCulture, $"Жүктеме сатып алушы {k}"),
                    PhoneNumber = "+7 700 000 00 00",
                    DeliveryAddress = "Алматы қ., Жүктеме көшесі 1",
                };
                // The load password is public and short on purpose: hashed here, past the rules a registration meets.
                user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
                var result = await users.CreateAsync(user);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Creating {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }

                await tree.JoinAsync(db, user.Id, k == 1 ? null : ids.GetValueOrDefault(k / 2), CancellationToken.None);
                created++;
            }
            else
            {
                await tree.EnsureMemberAsync(db, user.Id, CancellationToken.None); // one from before referrals can still refer the new ones
                existing++;
            }

            ids[k] = user.Id;

            // A shopper left without its card (an interrupted earlier run) gets it now; one that has it keeps it as it is.
            var userId = user.Id;
            if (!await db.Cards.AnyAsync(c => c.UserId == userId && c.Name == CardName))
            {
                db.Cards.Add(new Card
                {
                    UserId = userId,
                    Name = CardName,
                    BalanceTiyn = CardBalance.Tiyn,
                    OpeningBalanceTiyn = CardBalance.Tiyn,
                    CreatedUtc = now,
                });
                await db.SaveChangesAsync();
                cardsAdded++;
            }

            await transaction.CommitAsync();
        }

        Console.WriteLine($"seed-shoppers: {created} shopper(s) created, {existing} already there, {cardsAdded} card(s) of {CardBalance} added " +
            $"(load1…load{shoppers.ToString(CultureInfo.InvariantCulture)}@checkout.local, password {Password}), each new one referred by load(k / 2).");
        Console.WriteLine($"seed-shoppers: load product id {productId.ToString(CultureInfo.InvariantCulture)} \"{ProductName}\".");
    }

    /// <summary>The product load runs buy, created once; the database assigns its id.</summary>
    private static async Task<int> EnsureProductAsync(ShopDbContext db, DateTime now)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var existing = await db.Products.Where(p => p.Name == ProductName).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            Console.WriteLine("seed-shoppers: load product already there.");
            return id;
        }

        var storeId = await db.Stores.OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (storeId is null)
        {
            var store = new Store { Name = StoreName };
            db.Stores.Add(store);
            await db.SaveChangesAsync();
            storeId = store.Id;
            Console.WriteLine($"seed-shoppers: the catalogue had no store; created \"{StoreName}\".");
        }

        var product = new Product
        {
            Name = ProductName,
            Color = "—",
            Storage = "—",
            Category = "Жүктеме сынағы",
            Description = "Жүктеме сынағына арналған тауар (seed-shoppers). Load-test item.",
            ImageUrl = "/images/products/placeholder.svg",
            Stock = ProductStock,
            Offers = [new Offer { StoreId = storeId.Value, PriceTiyn = ProductPrice.Tiyn }],
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.StockMovements.Add(new StockMovement
        {
            ProductId = product.Id, Delta = ProductStock, Reason = StockReasons.Opening, CreatedUtc = now,
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Console.WriteLine($"seed-shoppers: load product created, stock {ProductStock.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = " " })}, price {ProductPrice}.");
        return product.Id;
    }
}
