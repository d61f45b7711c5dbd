namespace Checkout.Web.Domain;

/// <summary>Why a coupon can't be used now; each has its own Kazakh text (<c>Coupon{name}</c> in the resources).</summary>
public enum CouponProblem
{
    None,

    /// <summary>No coupon with that code, or one switched off or past its last day: «Промокод жарамсыз».</summary>
    Invalid,

    NotYetValid,

    /// <summary>Every use of its total limit is taken.</summary>
    UsedUp,

    /// <summary>The shopper has used it as often as one shopper may.</summary>
    AlreadyUsed,

    /// <summary>The goods are below its minimum subtotal.</summary>
    BelowMinimum,
}
