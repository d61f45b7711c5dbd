using Checkout.Web.Domain;

namespace Checkout.Web.Features.Loyalty;

/// <summary>How many points an order earns: the one place that says it.</summary>
public static class EarnedPoints
{
    /// <summary>The goods amount the shopper actually paid for the order (after its coupon and points; no delivery): what points are earned on.</summary>
    public static Money GoodsPaid(Order order) => order.GoodsPaid;

    /// <summary><paramref name="earnPercent"/> % of <see cref="GoodsPaid"/> in whole points (1 point = 1 ₸), rounded down.</summary>
    public static long Of(Order order, int earnPercent) =>
        Math.Max(0, checked(GoodsPaid(order).Tiyn * earnPercent) / (100 * Money.TiynPerTenge));
}
