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

/// <summary>
/// A writing handler that can also take the messages of one delivery batch together, in a few statements for all of
/// them instead of a few per message: the outbox's write is one every checkout on SQLite waits behind. The result must be
/// what handling them one by one, in id order, gives. When the batch fails, the worker rolls it back and hands the
/// messages to <see cref="IOutboxHandler.HandleAsync"/> one by one, so one bad message fails alone.
/// </summary>
public interface IOutboxBatchHandler : IOutboxHandler
{
    Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, ShopDbContext db, CancellationToken ct);
}
