namespace Checkout.Web.Domain;

public static class OrderStatus
{
    public const string Pending = "pending";
}
