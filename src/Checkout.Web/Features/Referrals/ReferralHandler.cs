using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Outbox;

namespace Checkout.Web.Features.Referrals;

/// <summary>Distributes a paid order's referral reward in the outbox worker, in the delivery's transaction (see <see cref="ReferralRewards"/>).</summary>
public sealed class ReferralHandler(ReferralRewards rewards) : IOutboxHandler
{
    public const string HandlerName = "referral";

    public string EventType => OutboxEvents.OrderPaid;

    public string Name => HandlerName;

    public bool WritesDatabase => true;

    public Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct) =>
        rewards.DistributeAsync(db, OutboxEvents.Read<OrderPaidEvent>(message).OrderNumber, ct);
}
