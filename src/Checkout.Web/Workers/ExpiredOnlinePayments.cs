using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Orders;
using Checkout.Web.Features.Payments;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>
/// Cancels online orders whose payment window ended unpaid: the gateway is asked first (a payment it took is confirmed
/// instead; one still in progress, or a gateway that can't be asked, waits for the next run), then the guarded move
/// awaiting_payment → cancelled gives back the stock, the coupon's use and the points. A payment arriving after that is
/// taken and refunded (<see cref="PaymentSettlement"/>). Returns how many it cancelled.
/// </summary>
public sealed class ExpiredOnlinePayments(IServiceScopeFactory scopes, IOptions<OnlinePaymentOptions> options) : IScheduledJob
{
    private const int BatchSize = 50;

    private static readonly Actor TheShop = new(Actors.System, null, null);

    public string Name => nameof(ExpiredOnlinePayments);

    public TimeSpan Interval => options.Value.JobInterval;

    public bool OwnTransactions => true;

    public async Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var expired = await db.Orders
            .Where(o => o.Status == OrderStatus.AwaitingPayment && o.PaymentDueUtc <= nowUtc)
            .OrderBy(o => o.PaymentDueUtc)
            .Select(o => o.Number)
            .Take(BatchSize)
            .ToListAsync(ct);
        var cancelled = 0;
        foreach (var number in expired)
        {
            await using var scope = scopes.CreateAsyncScope();
            var state = await scope.ServiceProvider.GetRequiredService<PaymentNotifications>().SyncAsync(number, ct);
            if (state is null or GatewayPaymentState.Paid or GatewayPaymentState.Pending)
            {
                continue;
            }

            var moved = await scope.ServiceProvider.GetRequiredService<OrderLifecycle>().MoveAsync(number, OrderStatus.Cancelled, TheShop, ct);
            cancelled += moved.Succeeded ? 1 : 0;
        }

        return cancelled;
    }
}
