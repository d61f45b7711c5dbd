namespace Checkout.Web.Domain;

public sealed class CartLine
{
    public int Id { get; set; }

    public Guid CartId { get; set; }

    public int ProductId { get; set; }

    public Product? Product { get; set; }

    public int Quantity { get; set; }

    public DateTime AddedUtc { get; set; }
}
