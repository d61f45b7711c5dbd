using Checkout.Web.Domain;
using Checkout.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>The clean-ups remove only what is provably dead, on the interval configuration gives them.</summary>
public sealed class ScheduledJobsTests
{
    [Fact]
    public async Task Guest_carts_untouched_for_a_day_are_removed_on_their_interval_and_nothing_else()
    {
        var clock = new ShopClock();
        var interval = TimeSpan.FromMinutes(10);
        using var shop = new ShopFactory { Clock = clock, Settings = { ["Jobs:StaleGuestCarts:Interval"] = "00:10:00" } };
        using var shopper = await shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 1);
        var now = clock.UtcNow;
        var stale = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        await using (var db = shop.OpenDatabase())
        {
            db.Carts.AddRange(
                new Cart { Id = stale, CreatedUtc = now.AddDays(-3), UpdatedUtc = now.AddHours(-25), Lines = [new CartLine { ProductId = 2, Quantity = 1, AddedUtc = now.AddDays(-3) }] },
                new Cart { Id = fresh, CreatedUtc = now.AddDays(-3), UpdatedUtc = now.AddHours(-23), Lines = [new CartLine { ProductId = 2, Quantity = 1, AddedUtc = now.AddDays(-3) }] });
            await db.SaveChangesAsync();
            await db.Carts.Where(c => c.UserId != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedUtc, now.AddDays(-30)));
        }

        await clock.WaitForTimerAsync(interval); // the job's timer runs on the configured interval
        clock.Advance(interval);

        await shop.WaitForAsync(async db => await db.Carts.AnyAsync(c => c.Id == stale) ? null : "removed", "the stale guest cart to be removed");
        (await CartExistsAsync(shop, fresh)).Should().BeTrue("23 h and 10 min is not a day yet");
        await using var check = shop.OpenDatabase();
        (await check.CartLines.CountAsync(l => l.CartId == stale)).Should().Be(0, "its lines go with it");
        (await check.Carts.CountAsync(c => c.UserId != null)).Should().Be(1, "a shopper's own cart is never a guest's stale cart");
    }

    [Fact]
    public async Task Idempotency_keys_are_kept_a_day_then_pruned_unless_still_running()
    {
        using var shop = new ShopFactory();
        var jobs = shop.Services.GetRequiredService<ScheduledJobsWorker>(); // starts the shop
        var now = DateTime.UtcNow;
        await using (var db = shop.OpenDatabase())
        {
            var userId = await db.Users.Select(u => u.Id).FirstAsync();
            db.IdempotentRequests.AddRange(
                Key(userId, "old-done", now.AddHours(-25), statusCode: 200, lockedUntil: now.AddHours(-25)),
                Key(userId, "young-done", now.AddHours(-23), statusCode: 200, lockedUntil: now.AddHours(-23)),
                Key(userId, "old-running", now.AddHours(-25), statusCode: null, lockedUntil: now.AddMinutes(1)));
            await db.SaveChangesAsync();
        }

        var job = shop.Services.GetServices<IScheduledJob>().OfType<OldIdempotencyKeys>().Single();
        (await jobs.RunOnceAsync(job, CancellationToken.None)).Should().Be(1);
        (await jobs.RunOnceAsync(job, CancellationToken.None)).Should().Be(0, "a second run, or another instance's, finds nothing more");

        await using var check = shop.OpenDatabase();
        (await check.IdempotentRequests.Select(r => r.Key).ToListAsync()).Should().BeEquivalentTo("young-done", "old-running");
    }

    private static IdempotentRequest Key(string userId, string key, DateTime created, int? statusCode, DateTime lockedUntil) => new()
    {
        UserId = userId, Key = key, RequestHash = new string('0', 64), CreatedUtc = created, LockedUntilUtc = lockedUntil, StatusCode = statusCode,
    };

    private static async Task<bool> CartExistsAsync(ShopFactory shop, Guid id)
    {
        await using var db = shop.OpenDatabase();
        return await db.Carts.AnyAsync(c => c.Id == id);
    }
}
