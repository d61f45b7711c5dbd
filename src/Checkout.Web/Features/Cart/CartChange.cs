namespace Checkout.Web.Features.Cart;

public enum CartChange
{
    Done,
    UnknownProduct,
    QuantityOutOfRange,
    NotInCart,
    OutOfStock,
}
