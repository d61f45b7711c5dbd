namespace Checkout.Web.Features.Carts;

public enum CartChange
{
    Done,
    UnknownProduct,
    QuantityOutOfRange,
    NotInCart,
    OutOfStock,

    /// <summary>More units of one product than <see cref="CartLimitsOptions.MaxUnitsPerProduct"/>.</summary>
    LineLimit,

    /// <summary>A guest cart worth more than <see cref="CartLimitsOptions.GuestMaxValue"/>.</summary>
    GuestCartLimit,
}
