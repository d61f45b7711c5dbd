namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>The notifications a gateway sends, each to a URL of its own.</summary>
public enum NotificationKind
{
    /// <summary>Before charging: the shop may still refuse (wrong amount, unknown invoice).</summary>
    Check,

    Pay,

    Fail,

    Refund,
}
