namespace Checkout.Web.Domain;

public static class PaymentMethods
{
    public const string Card = "card";
    public const string CashOnDelivery = "cash_on_delivery";

    /// <summary>An order whose total is 0 (a coupon took everything): placed without a card, nothing to collect.</summary>
    public const string Free = "free";

    /// <summary>Any bank card on the gateway's hosted page: the order awaits payment until the gateway confirms it.</summary>
    public const string Online = "online";
}
