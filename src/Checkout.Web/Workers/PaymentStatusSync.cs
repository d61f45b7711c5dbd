using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>
/// Seed 004's payment sync: every <see cref="OnlinePaymentOptions.JobInterval"/>, asks the gateway about each online order
/// still awaiting payment <see cref="OnlinePaymentOptions.SyncAfter"/> after it was placed — its notification lost or
/// late — and confirms those it says are paid (once, whoever else confirms them). Returns how many it found paid.
/// </summary>
public sealed class PaymentStatusSync(IServiceScopeFactory scopes, IOptions<OnlinePaymentOptions> options) : IScheduledJob
{
    private const int BatchSize = 50;

    public string Name => nameof(PaymentStatusSync);

    public TimeSpan Interval => options.Value.JobInterval;

    public bool OwnTransactions => true;

    public async Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var placedBefore = nowUtc - options.Value.SyncAfter;
        var awaiting = await db.Orders
            .Where(o => o.Status == OrderStatus.AwaitingPayment && o.PaymentMethod == PaymentMethods.Online && o.CreatedUtc <= placedBefore)
            .OrderBy(o => o.CreatedUtc)
            .Select(o => o.Number)
            .Take(BatchSize)
            .ToListAsync(ct);
        var paid = 0;
        foreach (var number in awaiting)
        {
            await using var scope = scopes.CreateAsyncScope();
            var state = await scope.ServiceProvider.GetRequiredService<PaymentNotifications>().SyncAsync(number, ct);
            paid += state == GatewayPaymentState.Paid ? 1 : 0;
        }

        return paid;
    }
}
