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

    /// <summary>The cart's coupon can't be used now (<see cref="CheckoutResult.Coupon"/> says why).</summary>
    CouponRefused,

    /// <summary>More points than the order may take (<see cref="CheckoutResult.MaxPoints"/>).</summary>
    PointsOverLimit,

    /// <summary>More points than the shopper has: «Бонус жеткіліксіз».</summary>
    PointsNotEnough,

    /// <summary>The gateway could not open an online payment: nothing was placed or held.</summary>
    GatewayUnavailable,

    /// <summary>The saved card named is not one of the shopper's.</summary>
    SavedCardNotFound,

    /// <summary>The gateway declined the saved card (or no longer knows it): the order was cancelled, nothing is held.</summary>
    SavedCardDeclined,
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

    /// <summary>How the order was placed: as asked, or <see cref="PaymentMethods.Free"/> when it costs nothing.</summary>
    public string PaymentMethod { get; init; } = PaymentMethods.Card;

    /// <summary>Why the coupon was refused, with what its text needs.</summary>
    public CouponRefusal? Coupon { get; init; }

    public long MaxPoints { get; init; }

    /// <summary>An online order's hosted payment page.</summary>
    public Uri? PaymentUrl { get; init; }

    public static CheckoutResult Paid(string orderNumber, string paymentMethod, PricedOrder priced, Money newBalance) =>
        new(CheckoutError.None, orderNumber, priced.Total, newBalance, Priced: priced) { PaymentMethod = paymentMethod };

    public static CheckoutResult Fail(CheckoutError error) => new(error);

    /// <summary>The cart is not what the shopper was shown: it costs <paramref name="now"/> now.</summary>
    public static CheckoutResult CartChanged(PricedOrder now) => new(CheckoutError.CartChanged, Priced: now);

    public static CheckoutResult OutOfStock(string productName, int unitsLeft) =>
        new(CheckoutError.OutOfStock, ProductName: productName, UnitsLeft: unitsLeft);

    public static CheckoutResult CouponRefused(CouponProblem problem, Coupon coupon, Money shortBy = default) =>
        new(CheckoutError.CouponRefused) { Coupon = new CouponRefusal(problem, coupon.Code, new Money(coupon.MinSubtotalTiyn), shortBy, coupon.ValidFromUtc) };

    public static CheckoutResult TooManyPoints(long maxPoints) => new(CheckoutError.PointsOverLimit) { MaxPoints = maxPoints };
}
