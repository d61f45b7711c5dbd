using Checkout.Web.Domain;
using Checkout.Web.Features.Loyalty;

namespace Checkout.UnitTests;

/// <summary>An order earns a per cent of its goods in whole points (1 point = 1 ₸), rounded down, and each ledger entry moves what its kind says.</summary>
public sealed class EarnedPointsTests
{
    [Theory]
    [InlineData(925_990, 2, 1, 18_519)] // the worked example: 1 851 980 ₸
    [InlineData(29_990, 1, 1, 299)] // 299,90 ₸ of points, rounded down
    [InlineData(29_990, 1, 5, 1_499)]
    [InlineData(99, 1, 1, 0)]
    [InlineData(925_990, 2, 0, 0)]
    [InlineData(925_990, 2, 100, 1_851_980)]
    public void An_order_earns_its_per_cent_of_the_goods_rounded_down_to_whole_points(long unitTenge, int quantity, int percent, long points)
    {
        var order = OrderExamples.Place(PaymentMethods.Card, OrderExamples.KaspiGold, [OrderExamples.Line(productId: 1, storeId: 1, unitTenge, quantity)]);

        EarnedPoints.Of(order, percent).Should().Be(points);
        EarnedPoints.GoodsPaid(order).Should().Be(Money.FromTenge(unitTenge * quantity), "delivery earns nothing");
    }

    [Fact]
    public void An_order_with_a_coupon_and_points_earns_on_what_was_paid_for_its_goods()
    {
        OrderLine[] lines = [OrderExamples.Line(productId: 1, storeId: 1, unitTenge: 925_990, quantity: 2)];
        var order = OrderExamples.Place(PaymentMethods.Card, OrderExamples.KaspiGold, lines,
            priced: OrderExamples.PriceOf(lines, CouponTerms.PercentOff(10), points: 10_000), coupon: new CouponUse(1, "WELCOME10", 1));

        EarnedPoints.GoodsPaid(order).Should().Be(Money.FromTenge(1_851_980 - 185_198 - 10_000));
        EarnedPoints.Of(order, 1).Should().Be(16_567);
    }

    [Theory]
    [InlineData(PointsEntryKinds.Earned, 100, 0, 100, 0, true)]
    [InlineData(PointsEntryKinds.Earned, 100, 100, 0, 0, false)]
    [InlineData(PointsEntryKinds.Released, 100, 100, -100, 0, true)]
    [InlineData(PointsEntryKinds.Released, 100, 30, -100, -70, true)] // 70 owed paid off first
    [InlineData(PointsEntryKinds.Released, 100, 100, -100, -70, false)]
    [InlineData(PointsEntryKinds.Spent, 100, -100, 0, 0, true)]
    [InlineData(PointsEntryKinds.Spent, 100, 0, -100, 0, false)]
    [InlineData(PointsEntryKinds.Returned, 100, 100, 0, 0, true)]
    [InlineData(PointsEntryKinds.Returned, 100, 0, 0, -100, true)]
    [InlineData(PointsEntryKinds.TakenBack, 100, 0, -100, 0, true)] // pending ones vanish
    [InlineData(PointsEntryKinds.TakenBack, 100, -40, 0, 60, true)] // 40 were there, 60 spent already: owed
    [InlineData(PointsEntryKinds.TakenBack, 100, -40, 0, 0, false)]
    [InlineData(PointsEntryKinds.TakenBack, 100, -100, 100, 0, false)]
    [InlineData(PointsEntryKinds.Earned, 0, 0, 0, 0, false)]
    [InlineData("bought", 100, 100, 0, 0, false)]
    public void Each_kind_of_entry_moves_the_balance_its_own_way(string kind, long points, long available, long pending, long owed, bool fits) =>
        PointsEntryKinds.Moves(kind, points, available, pending, owed).Should().Be(fits);
}
