using Checkout.Web.Data;

namespace Checkout.Web.Features.Loyalty;

/// <summary>A wallet with no points in it: spending none succeeds, spending any is «Бонус жеткіліксіз». Stands in until the loyalty feature keeps points.</summary>
public sealed class NoPointsWallet : IPointsWallet
{
    public Task<bool> SpendAsync(ShopDbContext db, string userId, string orderNumber, long points, CancellationToken ct) => Task.FromResult(points == 0);

    public Task<long> AvailableAsync(ShopDbContext db, string userId, CancellationToken ct) => Task.FromResult(0L);
}
