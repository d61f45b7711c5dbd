namespace Checkout.Web.Domain;

/// <summary>
/// A money ledger entry of an order: a card charge, its refund, or cash on delivery (see <see cref="LedgerEntryKinds"/>).
/// Each order has at most one entry of each kind (a unique index), so no refund can happen twice. Stored in the
/// table <c>Payments</c> (its name from before the entity was named for what it is).
/// </summary>
public sealed class LedgerEntry
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    /// <summary>The card the money came from or went back to; null for cash.</summary>
    public int? CardId { get; set; }

    public string Kind { get; set; } = LedgerEntryKinds.Charge;

    /// <summary>Positive for money the shop received, negative for money it gave back.</summary>
    public long AmountTiyn { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The gateway's transaction of an online charge or refund (unique: one entry per transaction); null otherwise.</summary>
    public string? GatewayTransactionId { get; set; }
}
