namespace Checkout.Web.Domain;

public sealed class Store
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
