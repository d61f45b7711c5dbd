namespace Checkout.Web.Domain;

/// <summary>
/// Units a cart holds back from other shoppers until <see cref="ExpiresUtc"/>; one per cart and product, equal to
/// the cart line's quantity. An expired one counts for nothing at once; a clean-up deletes it later.
/// </summary>
public sealed class StockReservation
{
    public int Id { get; set; }

    public Guid CartId { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }

    public DateTime ExpiresUtc { get; set; }
}
