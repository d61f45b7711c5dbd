namespace Checkout.Web.Domain;

/// <summary>
/// One step of an online order's payment as the shop saw it (<see cref="PaymentAttemptKinds"/>): a payment opened at the
/// gateway, a notification, a decline, the charge, a refund, a notification refused. What the admin reads; the money
/// itself is in the ledger.
/// </summary>
public sealed class PaymentAttempt
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public string Kind { get; set; } = PaymentAttemptKinds.Created;

    /// <summary>The invoice the gateway knows the payment by (the order's number).</summary>
    public string InvoiceId { get; set; } = "";

    /// <summary>The gateway's transaction (or, for a payment opened, its order id), when it named one.</summary>
    public string? TransactionId { get; set; }

    public long AmountTiyn { get; set; }

    /// <summary>The shop's answer code to a notification, or the gateway's reason code of a decline.</summary>
    public int? Code { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedUtc { get; set; }
}
