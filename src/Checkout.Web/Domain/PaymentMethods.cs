namespace Checkout.Web.Domain;

public static class PaymentMethods
{
    public const string Card = "card";
}
