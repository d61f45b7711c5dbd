namespace Checkout.Web.Domain;

/// <summary>What a cart costs at checkout: the lines at their unit prices plus the flat delivery fee.</summary>
public sealed record OrderTotals(Money Subtotal, Money Delivery, Money Total)
{
    public static readonly Money DeliveryFee = Money.FromTenge(1_500);

    public static OrderTotals For(IEnumerable<(Money UnitPrice, int Quantity)> lines)
    {
        var subtotal = Money.Sum(lines.Select(line => line.UnitPrice * line.Quantity));
        return new OrderTotals(subtotal, DeliveryFee, subtotal + DeliveryFee);
    }
}
