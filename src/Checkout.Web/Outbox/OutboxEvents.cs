using System.Text.Json;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;

namespace Checkout.Web.Outbox;

/// <summary>
/// Writes an event into the outbox — one message per handler of its type — on the caller's DbContext, so it is
/// saved by the caller's <c>SaveChanges</c> in the caller's transaction: the event exists exactly when the change does.
/// </summary>
public sealed class OutboxEvents(IEnumerable<IOutboxHandler> handlers, TimeProvider clock)
{
    public const string OrderCreated = "order.created";

    /// <summary>
    /// The order's money is in: a card or free order when it is placed, an online order when the gateway confirms it,
    /// a cash order when the courier records the cash. Written once per order, in the transaction that settles it.
    /// </summary>
    public const string OrderPaid = "order.paid";

    /// <summary>An online payment to give back through the gateway: a cancelled or returned order's, or one that came too late.</summary>
    public const string PaymentRefund = "payment.refund";

    public void Add<TPayload>(ShopDbContext db, string type, string subject, TPayload payload)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var body = JsonSerializer.Serialize(payload, ShopJson.Options);
        foreach (var handler in handlers.Where(h => h.EventType == type))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Type = type, Handler = handler.Name, Subject = subject, Payload = body, CreatedUtc = now, NextAttemptUtc = now,
            });
        }
    }

    public static TPayload Read<TPayload>(OutboxMessage message) =>
        JsonSerializer.Deserialize<TPayload>(message.Payload, ShopJson.Options)
        ?? throw new InvalidDataException($"Outbox message {message.Id} has no payload.");
}

/// <summary>The payload of <c>order.created</c>: handlers read the order itself by its number.</summary>
public sealed record OrderCreatedEvent(string OrderNumber, long TotalTiyn);

/// <summary>The payload of <c>order.paid</c>: handlers read the order itself by its number.</summary>
public sealed record OrderPaidEvent(string OrderNumber);

/// <summary>The payload of <c>payment.refund</c>: the gateway's transaction to refund, and how much.</summary>
public sealed record PaymentRefundEvent(string OrderNumber, string TransactionId, long AmountTiyn);
