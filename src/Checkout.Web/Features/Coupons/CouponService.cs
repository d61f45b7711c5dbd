using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Coupons;

/// <summary>
/// Coupons on carts and orders: applying one to a cart (every reason it can't be used is a refusal that changes
/// nothing), and the statements the checkout and a cancel run in their transactions — a use taken with a guarded
/// <c>UPDATE … WHERE Used &lt; UsageLimit</c>, a use given back with its redemption row.
/// </summary>
public sealed class CouponService(ShopDbContext db, CartService carts, PricingSettings pricing, TimeProvider clock)
{
    /// <summary>Applies the coupon with <paramref name="code"/> to the owner's cart, unless a reason says no.</summary>
    public async Task<CouponVerdict> ApplyAsync(CartOwner owner, string? code, CancellationToken ct)
    {
        var cart = await carts.GetAsync(owner, ct);
        if (cart.IsEmpty)
        {
            return CouponVerdict.NoCart;
        }

        var coupon = await FindAsync(code, ct);
        if (coupon is null)
        {
            return new CouponVerdict(CouponProblem.Invalid);
        }

        var (problem, _) = await CheckAsync(db, coupon, owner.ShopperId, clock.GetUtcNow().UtcDateTime, ct);
        if (problem != CouponProblem.None)
        {
            return new CouponVerdict(problem, coupon);
        }

        var priced = Pricing.Price([.. cart.Lines.Select(l => l.ToPricing())], coupon.Terms, 0, pricing);
        if (priced.Refusal == PricingRefusal.CouponBelowMinimum)
        {
            return new CouponVerdict(CouponProblem.BelowMinimum, coupon, priced.CouponShortBy);
        }

        return await carts.SetCouponAsync(owner, coupon.Id, ct) ? new CouponVerdict(CouponProblem.None, coupon) : CouponVerdict.NoCart;
    }

    /// <summary>The coupon with this code (any case), or null.</summary>
    public async Task<Coupon?> FindAsync(string? code, CancellationToken ct)
    {
        var normalized = Coupon.Normalize(code);
        return Coupon.IsWellFormed(normalized) ? await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalized, ct) : null;
    }

    /// <summary>
    /// What stops <paramref name="userId"/> (null: a guest) using the coupon at <paramref name="nowUtc"/> — its dates, its
    /// uses left, the shopper's own uses — and, for a coupon limited per shopper, the use slot their next use takes.
    /// Its minimum is the price's to say (<see cref="Pricing"/>).
    /// </summary>
    public static async Task<(CouponProblem Problem, int? Slot)> CheckAsync(ShopDbContext db, Coupon coupon, string? userId, DateTime nowUtc, CancellationToken ct)
    {
        var problem = coupon.CheckAt(nowUtc);
        if (problem != CouponProblem.None || userId is null || coupon.PerShopperLimit is not { } limit)
        {
            return (problem, null);
        }

        var taken = await db.CouponRedemptions.Where(r => r.CouponId == coupon.Id && r.UserId == userId).Select(r => r.Slot).ToListAsync(ct);
        var free = Enumerable.Range(1, limit).FirstOrDefault(slot => !taken.Contains(slot));
        return free == 0 ? (CouponProblem.AlreadyUsed, null) : (CouponProblem.None, free);
    }

    /// <summary>
    /// Counts one use of the coupon, in the checkout's transaction: one guarded statement that the database runs only
    /// while the coupon is on, in its dates and has a use left (racing checkouts queue on the row; the last use goes once).
    /// </summary>
    public static async Task<bool> TakeUseAsync(ShopDbContext db, int couponId, DateTime nowUtc, CancellationToken ct) =>
        await db.Coupons
            .Where(c => c.Id == couponId && c.Active
                && (c.ValidFromUtc == null || c.ValidFromUtc <= nowUtc) && (c.ValidUntilUtc == null || c.ValidUntilUtc > nowUtc)
                && (c.UsageLimit == null || c.Used < c.UsageLimit))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, c => c.Used + 1), ct) == 1;

    /// <summary>Gives a cancelled order's use back: its redemption row goes, and the count with it (both guarded: once).</summary>
    public static async Task ReleaseAsync(ShopDbContext db, int orderId, int couponId, CancellationToken ct)
    {
        if (await db.CouponRedemptions.Where(r => r.OrderId == orderId && r.CouponId == couponId).ExecuteDeleteAsync(ct) != 1)
        {
            return; // already given back
        }

        if (await db.Coupons.Where(c => c.Id == couponId && c.Used > 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, c => c.Used - 1), ct) != 1)
        {
            throw new InvalidOperationException($"Coupon {couponId} had a redemption for order #{orderId} but no use counted.");
        }
    }
}
