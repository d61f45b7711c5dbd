namespace Checkout.Web.Domain;

/// <summary>
/// The VAT an order's total includes at one rate, as it was worked out when the order was placed (a snapshot: a
/// product's rate changed later doesn't rewrite a receipt).
/// </summary>
public sealed class OrderVat
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    /// <summary>The rate, in %.</summary>
    public int Rate { get; set; }

    /// <summary>Everything the order charges at this rate (lines after their discount and points, and delivery at 16 %).</summary>
    public long GrossTiyn { get; set; }

    public long VatTiyn { get; set; }

    public Money Gross => new(GrossTiyn);

    public Money Vat => new(VatTiyn);
}
