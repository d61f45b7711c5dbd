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

    public long LineTotalTiyn { get; set; }

    public Money UnitPrice => new(UnitPriceTiyn);

    public Money LineTotal => new(LineTotalTiyn);
}
