namespace Checkout.Web.Domain;

/// <summary>What a coupon takes off the goods: a percentage of them, or a fixed number of tenge.</summary>
public static class CouponKinds
{
    public const string Percent = "percent";
    public const string Fixed = "fixed";

    public static bool IsKnown(string? kind) => kind is Percent or Fixed;
}
