namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>Why a notification was not believed.</summary>
public enum NotificationRefusal
{
    /// <summary>No <c>Content-HMAC</c> or <c>X-Content-HMAC</c> header.</summary>
    Unsigned,

    /// <summary>A signature that isn't the body's under our API secret: forged, tampered with, or another merchant's.</summary>
    BadSignature,

    /// <summary>Signed, but without the fields a notification has (transaction id, an exact amount).</summary>
    Malformed,
}
