namespace Checkout.Web.Domain;

public static class PaymentMethods
{
    public const string Card = "card";
    public const string CashOnDelivery = "cash_on_delivery";
}
