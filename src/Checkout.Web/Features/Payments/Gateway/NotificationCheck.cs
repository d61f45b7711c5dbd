namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>A verified notification, or why it was refused.</summary>
public sealed record NotificationCheck(GatewayNotification? Notification, NotificationRefusal? Refusal)
{
    public bool Verified => Notification is not null;

    public static NotificationCheck Ok(GatewayNotification notification) => new(notification, null);

    public static NotificationCheck Refused(NotificationRefusal refusal) => new(null, refusal);
}
