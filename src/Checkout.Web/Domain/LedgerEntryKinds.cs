namespace Checkout.Web.Domain;

/// <summary>
/// What a ledger entry in <c>Payments</c> records. Amounts are signed from the shop's side: money in is
/// positive, money given back negative, so for every card opening − Σ its entries = balance.
/// </summary>
public static class LedgerEntryKinds
{
    /// <summary>A card debited at checkout (positive).</summary>
    public const string Charge = "charge";

    /// <summary>A card charge given back on a cancel or an approved return (negative, same card).</summary>
    public const string Refund = "refund";

    /// <summary>Cash collected on delivery of a cash-on-delivery order (positive, no card).</summary>
    public const string Cash = "cash";

    /// <summary>Collected cash handed back on an approved return (negative, no card).</summary>
    public const string CashRefund = "cash_refund";
}
