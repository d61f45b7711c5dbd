using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Outbox;

namespace Checkout.Web.Features.Referrals;

/// <summary>Distributes paid orders' referral rewards in the outbox worker, in the delivery's transaction (see <see cref="ReferralRewards"/>): one order, or a batch's together.</summary>
public sealed class ReferralHandler(ReferralRewards rewards) : IOutboxBatchHandler
{
    public const string HandlerName = "referral";

    public string EventType => OutboxEvents.OrderPaid;

    public string Name => HandlerName;

    public bool WritesDatabase => true;

    public Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct) =>
        rewards.DistributeAsync(db, OutboxEvents.Read<OrderPaidEvent>(message).OrderNumber, ct);

    public Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, ShopDbContext db, CancellationToken ct) =>
        rewards.DistributeManyAsync(db, [.. messages.Select(m => OutboxEvents.Read<OrderPaidEvent>(m).OrderNumber)], ct);
}
