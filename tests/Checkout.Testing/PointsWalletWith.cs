using Checkout.Web.Data;
using Checkout.Web.Features.Loyalty;

namespace Checkout.Testing;

/// <summary>
/// A points wallet holding <paramref name="available"/> points for every shopper and never running out: for tests of the
/// checkout's part of points (the price, the limit, the answer), with the loyalty feature's own wallet out of the way.
/// </summary>
public sealed class PointsWalletWith(long available) : IPointsWallet
{
    public Task<bool> SpendAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct) => Task.FromResult(points <= available);

    public Task<long> AvailableAsync(ShopDbContext db, string userId, CancellationToken ct) => Task.FromResult(available);
}
