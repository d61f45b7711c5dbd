using System.Text.Json;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Checkout.Web.Features.Referrals;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Data;

/// <summary>
/// Loads the stores, products, demo shoppers and their cards, the demo coupons and the referral tree (shoppers of
/// <c>referrals.json</c> under the demo shopper, each joining as a registration would, so the letters rise as they do) from
/// the files in <c>seed/</c>.
/// Runs once: a database that already has stores is left alone.
/// </summary>
public sealed partial class DemoDataSeeder(
    ShopDbContext db,
    UserManager<ShopUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ReferralTree referrals,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync()
    {
        // A second instance starting at the same time waits here, then sees the data: SQLite's transaction is
        // immediate (takes the write lock), on PostgreSQL a transaction-scoped advisory lock does the same.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(2026112201)");
        }

        if (await db.Stores.AnyAsync())
        {
            return;
        }

        var directory = configuration["Seed:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
        var stores = await ReadAsync<SeedStore>(directory, "stores.json");
        var products = await ReadAsync<SeedProduct>(directory, "products.json");
        var shoppers = await ReadAsync<SeedUser>(directory, "users.json");
        var coupons = await ReadAsync<SeedCoupon>(directory, "coupons.json");
        var team = await ReadAsync<SeedReferral>(directory, "referrals.json");

        db.Stores.AddRange(stores.Select(s => new Store { Id = s.Id, Name = s.Name }));
        db.Products.AddRange(products.Select(p => new Product
        {
            Id = p.Id,
            Name = p.Name,
            Color = p.Color,
            Storage = p.Storage,
            Category = p.Category,
            Description = p.Description,
            ImageUrl = p.Image,
            Stock = p.Stock,
            VatRate = p.VatRate ?? VatRates.Standard,
            Offers = [.. p.Offers.Select(o => new Offer { StoreId = o.StoreId, PriceTiyn = Money.FromTenge(o.Price).Tiyn })],
        }));
        var now = clock.GetUtcNow().UtcDateTime;
        db.Coupons.AddRange(coupons.Select(c => new Coupon
        {
            Code = Coupon.Normalize(c.Code),
            Kind = c.Kind,
            Percent = c.Percent ?? 0,
            AmountTiyn = Money.FromTenge(c.Amount ?? 0).Tiyn,
            FreeDelivery = c.FreeDelivery,
            MinSubtotalTiyn = Money.FromTenge(c.MinSubtotal ?? 0).Tiyn,
            ValidFromUtc = c.ValidFrom is { } from ? ShopTime.StartOfDayUtc(from) : null,
            ValidUntilUtc = c.ValidTo is { } to ? ShopTime.StartOfDayUtc(to.AddDays(1)) : null, // its last day included
            UsageLimit = c.UsageLimit,
            PerShopperLimit = c.PerShopperLimit,
            CreatedUtc = now,
        }));
        db.StockMovements.AddRange(products.Select(p => new StockMovement
        {
            ProductId = p.Id, Delta = p.Stock, Reason = StockReasons.Opening, CreatedUtc = now,
        }));
        await db.SaveChangesAsync();

        await EnsureRoleAsync(Roles.Admin);
        foreach (var shopper in shoppers)
        {
            var user = new ShopUser
            {
                UserName = shopper.Email,
                Email = shopper.Email,
                EmailConfirmed = true,
                FullName = shopper.FullName,
                PhoneNumber = shopper.Phone,
                DeliveryAddress = shopper.Address,
            };
            // Hashed here, not through CreateAsync(user, password): the demo passwords are documented and older than the password rules.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, shopper.Password);
            Check(await users.CreateAsync(user), shopper.Email);
            foreach (var role in shopper.Roles)
            {
                await EnsureRoleAsync(role);
                Check(await users.AddToRoleAsync(user, role), shopper.Email);
            }

            db.Cards.AddRange(shopper.Cards.Select(c => new Card
            {
                Id = c.Id,
                UserId = user.Id,
                Name = c.Name,
                BalanceTiyn = Money.FromTenge(c.Balance).Tiyn,
                OpeningBalanceTiyn = Money.FromTenge(c.Balance).Tiyn,
                CreatedUtc = now,
            }));
        }

        await db.SaveChangesAsync();
        await SeedReferralsAsync(team);
        if (db.Database.IsNpgsql())
        {
            // The seed gives ids explicitly; move PostgreSQL's identity sequences past them.
            await db.Database.ExecuteSqlRawAsync("""
                SELECT setval(pg_get_serial_sequence('"Stores"', 'Id'), (SELECT MAX("Id") FROM "Stores"));
                SELECT setval(pg_get_serial_sequence('"Products"', 'Id'), (SELECT MAX("Id") FROM "Products"));
                SELECT setval(pg_get_serial_sequence('"Cards"', 'Id'), (SELECT MAX("Id") FROM "Cards"));
                """);
        }

        await transaction.CommitAsync();
        LogSeeded(logger, stores.Count, products.Count, shoppers.Count + team.Count, coupons.Count, directory);
    }

    /// <summary>Every seeded shopper gets a code; the team's shoppers join under their referrers, in the file's order (referrers first).</summary>
    private async Task SeedReferralsAsync(List<SeedReferral> team)
    {
        foreach (var id in await db.Users.OrderBy(u => u.Email).Select(u => u.Id).ToListAsync())
        {
            await referrals.JoinAsync(db, id, referrerId: null, CancellationToken.None);
        }

        foreach (var shopper in team)
        {
            var referrerId = await db.Users.Where(u => u.Email == shopper.Referrer).Select(u => u.Id).SingleAsync();
            var user = new ShopUser { UserName = shopper.Email, Email = shopper.Email, EmailConfirmed = true, FullName = shopper.FullName };
            user.PasswordHash = users.PasswordHasher.HashPassword(user, TeamPassword);
            Check(await users.CreateAsync(user), shopper.Email);
            await referrals.JoinAsync(db, user.Id, referrerId, CancellationToken.None);
        }
    }

    /// <summary>The password of every shopper of <c>referrals.json</c> (documented in the README).</summary>
    public const string TeamPassword = "Team123!";

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static async Task<List<T>> ReadAsync<T>(string directory, string file)
    {
        await using var stream = File.OpenRead(Path.Combine(directory, file));
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Stores} stores, {Products} products, {Users} users and {Coupons} coupons from {Directory}")]
    private static partial void LogSeeded(ILogger logger, int stores, int products, int users, int coupons, string directory);

    private sealed record SeedStore(int Id, string Name);

    private sealed record SeedOffer(int StoreId, long Price);

    private sealed record SeedProduct(int Id, string Name, string Color, string Storage, string Category, string Description,
        string Image, int Stock, List<SeedOffer> Offers, int? VatRate = null);

    private sealed record SeedCard(int Id, string Name, long Balance);

    /// <summary>A coupon: amounts in whole tenge, dates as the shop's local days (<c>validTo</c> its last day).</summary>
    private sealed record SeedCoupon(string Code, string Kind, int? Percent, long? Amount, bool FreeDelivery, long? MinSubtotal,
        DateOnly? ValidFrom, DateOnly? ValidTo, int? UsageLimit, int? PerShopperLimit);

    private sealed record SeedReferral(string Email, string FullName, string Referrer);

    private sealed record SeedUser(string Email, string Password, string FullName, string Phone, string Address,
        List<string> Roles, List<SeedCard> Cards);
}
