using Checkout.Web.Data;

namespace Checkout.Web.Features.Loyalty;

/// <summary>
/// The shopper's bonus points as the checkout sees them (1 point = 1 ₸). The checkout prices the points (its share limit
/// is the pricing's, <see cref="Domain.Pricing"/>) and spends them through this seam inside its own transaction; how
/// points are kept, earned and given back is the loyalty feature's (<see cref="PointsWallet"/>).
/// </summary>
public interface IPointsWallet
{
    /// <summary>
    /// Spends <paramref name="points"/> of the shopper's available points for the order <paramref name="orderNumber"/>, on
    /// <paramref name="db"/> inside the checkout's transaction (one guarded statement: two tabs spending the same points
    /// succeed once); false when the shopper doesn't have that many (nothing is spent). 0 points spend nothing and succeed.
    /// </summary>
    Task<bool> SpendAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct);

    /// <summary>The points the shopper may spend now, for the payment page.</summary>
    Task<long> AvailableAsync(ShopDbContext db, string userId, CancellationToken ct);
}
