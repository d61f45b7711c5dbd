namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// The shop's answer to a notification, as CloudPayments reads it: <c>{"code":0}</c> accepts; anything else makes it try
/// again later (a Check answered with another code declines the payment).
/// </summary>
public enum NotificationAnswer
{
    Accept = 0,

    UnknownInvoice = 10,

    WrongAmount = 12,

    CannotAccept = 13,
}
