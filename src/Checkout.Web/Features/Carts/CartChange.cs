namespace Checkout.Web.Features.Carts;

public enum CartChange
{
    Done,
    UnknownProduct,
    QuantityOutOfRange,
    NotInCart,
    OutOfStock,
}
