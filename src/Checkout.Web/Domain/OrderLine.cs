namespace Checkout.Web.Domain;

/// <summary>A bought product at the price paid, with names copied so later catalogue edits don't rewrite history.</summary>
public sealed class OrderLine
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int ProductId { get; set; }

    public int StoreId { get; set; }

    public required string ProductName { get; set; }

    public required string Color { get; set; }

    public required string Storage { get; set; }

    public required string StoreName { get; set; }

    public long UnitPriceTiyn { get; set; }

    public int Quantity { get; set; }

    /// <summary>Unit price × quantity: the goods, before the line's share of the discount and the points.</summary>
    public long LineTotalTiyn { get; set; }

    /// <summary>The product's VAT rate when it was bought, in %.</summary>
    public int VatRate { get; set; } = VatRates.Standard;

    /// <summary>The line's share of the order's coupon discount (the shares of all lines sum to it exactly).</summary>
    public long DiscountTiyn { get; set; }

    /// <summary>The line's share of the points the order was partly paid with.</summary>
    public long PointsTiyn { get; set; }

    public Money UnitPrice => new(UnitPriceTiyn);

    public Money LineTotal => new(LineTotalTiyn);

    /// <summary>What the shopper paid for the line: its goods less its shares of the discount and the points.</summary>
    public Money Net => new(LineTotalTiyn - DiscountTiyn - PointsTiyn);
}
