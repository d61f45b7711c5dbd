using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Inventory;

/// <summary>
/// Holds units for a cart while the shopper shops. A cart's reservation of a product always equals its cart line's
/// quantity and is renewed for <see cref="InventoryOptions.ReservationTtl"/> by every change of that line.
/// Call inside the cart's write transaction; a new reservation is added to the context, saved by the caller's SaveChanges.
/// </summary>
public sealed class Reservations(ShopDbContext db, TimeProvider clock, IOptions<InventoryOptions> options)
{
    /// <summary>
    /// Sets the cart's reservation of a product to <paramref name="quantity"/>, or says how many units it could hold (none
    /// of a product that doesn't exist).
    /// </summary>
    public async Task<Reservation> ReserveAsync(Guid cartId, int productId, int quantity, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await Stock.LockAsync(db, productId, ct);
        var available = await Stock.AvailableAsync(db, productId, cartId, now, ct);
        if (quantity > available)
        {
            return new Reservation(false, available);
        }

        var expires = now + options.Value.ReservationTtl;
        var renewed = await db.StockReservations
            .Where(r => r.CartId == cartId && r.ProductId == productId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, quantity).SetProperty(r => r.ExpiresUtc, expires), ct);
        if (renewed == 0)
        {
            db.StockReservations.Add(new StockReservation { CartId = cartId, ProductId = productId, Quantity = quantity, ExpiresUtc = expires });
        }

        return new Reservation(true, available);
    }

    public Task<int> ReleaseAsync(Guid cartId, int productId, CancellationToken ct) =>
        db.StockReservations.Where(r => r.CartId == cartId && r.ProductId == productId).ExecuteDeleteAsync(ct);
}
