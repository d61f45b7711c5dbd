namespace Checkout.Web.Domain;

/// <summary>
/// One line of an order's distribution log: the slot (A…J, direct, pool, shop), who got it — a shopper's id or
/// <see cref="ReferralAccount.Pool"/> / <see cref="ReferralAccount.Shop"/> — and how many points. Unique per
/// (order, slot, beneficiary): nothing is written twice.
/// </summary>
public sealed class ReferralShare
{
    public long Id { get; set; }

    public string OrderNumber { get; set; } = "";

    public string Slot { get; set; } = "";

    public string Beneficiary { get; set; } = "";

    public long Points { get; set; }
}
