using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

public enum CheckoutError
{
    None,
    CartEmpty,
    CardRequired,
    CardNotFound,
    CartChanged,
    InsufficientFunds,
    AddressRequired,
    OutOfStock,
    CashOnDeliveryLimit,
}

/// <summary>The outcome of a payment attempt: expected refusals are values, not exceptions.</summary>
public sealed record CheckoutResult(
    CheckoutError Error,
    string? OrderNumber = null,
    Money TotalPaid = default,
    Money NewBalance = default,
    string? ProductName = null,
    int UnitsLeft = 0,
    PricedOrder? Priced = null)
{
    public bool Succeeded => Error == CheckoutError.None;

    public static CheckoutResult Paid(string orderNumber, PricedOrder priced, Money newBalance) =>
        new(CheckoutError.None, orderNumber, priced.Total, newBalance, Priced: priced);

    public static CheckoutResult Fail(CheckoutError error) => new(error);

    /// <summary>The cart is not what the shopper was shown: it costs <paramref name="now"/> now.</summary>
    public static CheckoutResult CartChanged(PricedOrder now) => new(CheckoutError.CartChanged, Priced: now);

    public static CheckoutResult OutOfStock(string productName, int unitsLeft) =>
        new(CheckoutError.OutOfStock, ProductName: productName, UnitsLeft: unitsLeft);
}
