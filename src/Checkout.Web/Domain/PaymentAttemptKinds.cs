namespace Checkout.Web.Domain;

public static class PaymentAttemptKinds
{
    /// <summary>A payment opened at the gateway: the hosted page the shopper was sent to.</summary>
    public const string Created = "created";

    /// <summary>A notification believed and answered (a Check, a repeat of one already acted on).</summary>
    public const string Notified = "notified";

    public const string Declined = "declined";

    /// <summary>The charge confirmed: the order became paid (written once per order).</summary>
    public const string Paid = "paid";

    public const string Refunded = "refunded";

    /// <summary>A notification the shop refused: a wrong amount or currency, an order that can't take it.</summary>
    public const string Refused = "refused";
}
