using Checkout.Web.Data;

namespace Checkout.Web.Features.Loyalty;

/// <summary>A shopper's bonus points as the checkout sees them: how many may be spent, and spending them.</summary>
public interface IPointsWallet
{
    Task<long> AvailableAsync(ShopDbContext db, string userId, CancellationToken ct);

    // inside the checkout transaction: a guarded spend; false when the shopper has fewer available points
    Task<bool> SpendAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct);
}
