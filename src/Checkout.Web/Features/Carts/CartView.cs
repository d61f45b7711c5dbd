using Checkout.Web.Domain;

namespace Checkout.Web.Features.Carts;

public sealed record CartLineView(int ProductId, string Name, string Color, string Storage, string ImageUrl, int Quantity, Money UnitPrice)
{
    public Money LineTotal => UnitPrice * Quantity;
}

public sealed record CartView(IReadOnlyList<CartLineView> Lines)
{
    public static readonly CartView Empty = new([]);

    public bool IsEmpty => Lines.Count == 0;

    public int ItemCount => Lines.Sum(l => l.Quantity);

    public OrderTotals Totals => OrderTotals.For(Lines.Select(l => (l.UnitPrice, l.Quantity)));
}
