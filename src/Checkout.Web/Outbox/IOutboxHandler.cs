using Checkout.Web.Data;

namespace Checkout.Web.Outbox;

/// <summary>
/// Reacts to one type of event. It may be called more than once for the same message (at-least-once delivery),
/// so it must be idempotent. It runs inside the delivery's transaction: database changes it makes commit
/// together with the message's "processed" mark, or not at all.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The event type it handles, e.g. <c>order.created</c>.</summary>
    string EventType { get; }

    /// <summary>A short stable name; stored with each message, so renaming it orphans undelivered messages.</summary>
    string Name { get; }

    Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct);
}
