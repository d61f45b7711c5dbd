using Checkout.Web.Data;
using Checkout.Web.Domain;

namespace Checkout.Web.Outbox;

/// <summary>
/// Reacts to one type of event. It may be called more than once for the same message (at-least-once delivery),
/// so it must be idempotent. A handler that writes to the database runs inside the delivery's transaction: its
/// changes commit together with the message's "processed" mark, or not at all. One that only reads (and acts
/// outside, e.g. writes a file) runs before that transaction, so it never holds up the shop's writers.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The event type it handles, e.g. <c>order.created</c>.</summary>
    string EventType { get; }

    /// <summary>A short stable name; stored with each message, so renaming it orphans undelivered messages.</summary>
    string Name { get; }

    /// <summary>Whether it changes the database (and so must run inside the delivery's write transaction).</summary>
    bool WritesDatabase { get; }

    Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct);
}
