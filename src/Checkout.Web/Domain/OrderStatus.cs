namespace Checkout.Web.Domain;

/// <summary>
/// An order's states (seed 002's state machine), stored as the lowercase names of <see cref="OrderStatusNames"/>.
/// <see cref="Unknown"/> is a name in the database this code doesn't know (written by a newer version, or by hand):
/// the order is shown as such, allows no step, and the status is never written back.
/// </summary>
public enum OrderStatus
{
    Unknown = 0,
    Pending,
    Processing,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
    ReturnRequested,
    Refunded,

    /// <summary>Placed to be paid online: stock, coupon and points held until the gateway confirms or the window ends.</summary>
    AwaitingPayment,
}
