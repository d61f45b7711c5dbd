using Checkout.Web.Domain;

namespace Checkout.UnitTests;

/// <summary>The one pricing rule: goods → coupon → points → delivery = total, VAT per rate, shares by largest remainder.</summary>
public class PricingTests
{
    private static readonly PricingLine TwoIphones = new(Money.FromTenge(925_990), 2);

    private static PricedOrder Price(IReadOnlyList<PricingLine> lines, CouponTerms? coupon = null, long points = 0, int maxShare = 50) =>
        Pricing.Price(lines, coupon, points, new PricingSettings(maxShare));

    [Fact]
    public void Worked_example_two_iphones_cost_1_853_480_with_vat_255_652_41()
    {
        var priced = Price([TwoIphones]);

        priced.Goods.Should().Be(Money.FromTenge(1_851_980));
        priced.Discount.Should().Be(Money.Zero);
        priced.PointsUsed.Should().Be(0);
        priced.Delivery.Should().Be(Money.FromTenge(1_500));
        priced.Total.Should().Be(Money.FromTenge(1_853_480));
        priced.Vat.Should().Equal(new VatAmount(16, Money.FromTenge(1_853_480), new Money(255_652_41)));
        priced.VatTotal.ToString().Should().Be("255 652,41 ₸");
        priced.Refused.Should().BeFalse();
        priced.IsFree.Should().BeFalse();
    }

    [Fact]
    public void Welcome10_takes_185_198_off_to_1_668_282_with_vat_230_107_86()
    {
        var priced = Price([TwoIphones], CouponTerms.PercentOff(10));

        priced.Discount.Should().Be(Money.FromTenge(185_198));
        priced.Total.Should().Be(Money.FromTenge(1_668_282));
        priced.VatTotal.Should().Be(new Money(230_107_86));
        priced.CouponApplied.Should().BeTrue();
        priced.Lines.Should().ContainSingle().Which.Net.Should().Be(Money.FromTenge(1_851_980 - 185_198));
        (Money.FromTenge(4_300_000) - priced.Total).Should().Be(Money.FromTenge(2_631_718));
    }

    [Theory]
    [InlineData(4, 0)] // 0.4 ₸ rounds down
    [InlineData(5, 1)] // 0.5 ₸ rounds up
    [InlineData(15, 2)] // 1.5 ₸ rounds up
    [InlineData(14, 1)]
    public void A_percent_discount_is_rounded_half_up_to_whole_tenge(long goodsTenge, long discountTenge) =>
        Price([new PricingLine(Money.FromTenge(goodsTenge), 1)], CouponTerms.PercentOff(10)).Discount.Should().Be(Money.FromTenge(discountTenge));

    [Fact]
    public void A_fixed_discount_never_takes_more_than_the_goods()
    {
        var priced = Price([new PricingLine(Money.FromTenge(3_000), 1)], CouponTerms.AmountOff(Money.FromTenge(5_000)));

        priced.Discount.Should().Be(Money.FromTenge(3_000));
        priced.Total.Should().Be(Money.FromTenge(1_500));
    }

    [Fact]
    public void Below_the_coupons_minimum_there_is_no_discount_and_the_shortfall_is_named()
    {
        var minus5000 = CouponTerms.AmountOff(Money.FromTenge(5_000), minSubtotal: Money.FromTenge(50_000));

        var priced = Price([new PricingLine(Money.FromTenge(29_990), 1)], minus5000);

        priced.Refusal.Should().Be(PricingRefusal.CouponBelowMinimum);
        priced.CouponShortBy.Should().Be(Money.FromTenge(20_010));
        priced.Discount.Should().Be(Money.Zero);
        priced.CouponApplied.Should().BeFalse();
        priced.Total.Should().Be(Money.FromTenge(29_990 + 1_500));

        var enough = Price([new PricingLine(Money.FromTenge(29_990), 2)], minus5000);
        enough.Refused.Should().BeFalse();
        enough.Discount.Should().Be(Money.FromTenge(5_000));
        enough.Total.Should().Be(Money.FromTenge(59_980 - 5_000 + 1_500));
    }

    [Fact]
    public void Gift100_makes_a_free_order_with_no_vat_and_no_room_for_points()
    {
        var priced = Price([TwoIphones], CouponTerms.PercentOff(100, freeDelivery: true));

        priced.Discount.Should().Be(priced.Goods);
        priced.Delivery.Should().Be(Money.Zero);
        priced.Total.Should().Be(Money.Zero);
        priced.IsFree.Should().BeTrue();
        priced.VatTotal.Should().Be(Money.Zero);
        priced.MaxPoints.Should().Be(0);
    }

    [Fact]
    public void A_free_delivery_coupon_whose_minimum_is_not_met_leaves_delivery_charged()
    {
        var priced = Price([new PricingLine(Money.FromTenge(10_000), 1)],
            CouponTerms.PercentOff(5, freeDelivery: true, minSubtotal: Money.FromTenge(20_000)));

        priced.Delivery.Should().Be(Pricing.DeliveryFee);
        priced.Total.Should().Be(Money.FromTenge(11_500));
    }

    [Fact]
    public void Points_pay_part_of_the_goods_up_to_half_of_them_after_the_coupon()
    {
        var priced = Price([TwoIphones], CouponTerms.PercentOff(10), points: 100_000);

        priced.MaxPoints.Should().Be((1_851_980 - 185_198) / 2);
        priced.PointsUsed.Should().Be(100_000);
        priced.Points.Should().Be(Money.FromTenge(100_000));
        priced.Total.Should().Be(Money.FromTenge(1_668_282 - 100_000));
        priced.DueBeforePoints.Should().Be(Money.FromTenge(1_668_282));
        priced.GoodsPaid.Should().Be(Money.FromTenge(1_851_980 - 185_198 - 100_000));
        priced.VatTotal.Should().Be(Pricing.VatIn(Money.FromTenge(1_568_282), 16));
    }

    [Fact]
    public void More_points_than_allowed_are_refused_with_the_limit_and_none_are_used()
    {
        var priced = Price([TwoIphones], points: 925_991);

        priced.Refusal.Should().Be(PricingRefusal.PointsOverLimit);
        priced.MaxPoints.Should().Be(925_990);
        priced.PointsUsed.Should().Be(0);
        priced.Total.Should().Be(Money.FromTenge(1_853_480));

        Price([TwoIphones], points: 925_990).Refused.Should().BeFalse();
        Price([TwoIphones], points: 1, maxShare: 0).Refusal.Should().Be(PricingRefusal.PointsOverLimit);
    }

    [Fact]
    public void The_points_limit_is_rounded_down_to_a_whole_point() =>
        Price([new PricingLine(Money.FromTenge(3), 1)]).MaxPoints.Should().Be(1);

    [Fact]
    public void Vat_is_worked_out_per_rate_from_the_final_amounts_with_delivery_at_16()
    {
        PricingLine[] lines = [new(Money.FromTenge(100_000), 1, 16), new(Money.FromTenge(50_000), 1, 10), new(Money.FromTenge(20_000), 1, 0)];

        var priced = Price(lines, CouponTerms.PercentOff(10));

        priced.Discount.Should().Be(Money.FromTenge(17_000));
        priced.Lines.Select(l => l.Discount).Should().Equal(Money.FromTenge(10_000), Money.FromTenge(5_000), Money.FromTenge(2_000));
        priced.Vat.Should().Equal(
            new VatAmount(16, Money.FromTenge(90_000 + 1_500), new Money(12_620_69)), // 91 500 × 16 / 116 = 12 620,689…
            new VatAmount(10, Money.FromTenge(45_000), new Money(4_090_91)), // 45 000 × 10 / 110 = 4 090,909…
            new VatAmount(0, Money.FromTenge(18_000), Money.Zero));
        priced.Total.Should().Be(Money.FromTenge(170_000 - 17_000 + 1_500));
    }

    [Fact]
    public void Delivery_alone_carries_16_percent_when_no_line_does() =>
        Price([new PricingLine(Money.FromTenge(1_000), 1, 0)]).Vat.Should().Equal(
            new VatAmount(16, Money.FromTenge(1_500), new Money(20_690)), // 1 500 × 16 / 116 = 206,896…
            new VatAmount(0, Money.FromTenge(1_000), Money.Zero));

    [Fact]
    public void Vat_is_rounded_once_per_rate_not_per_line()
    {
        // Rounded apiece: 1 ₸ × 16 / 116 = 0,1379… → 0,14 ₸ three times, and delivery's 206,896… → 206,90 ₸: 207,32 ₸.
        // Once: 1 503 ₸ × 16 / 116 = 207,310… → 207,31 ₸.
        PricingLine[] lines = [new(Money.FromTenge(1), 1), new(Money.FromTenge(1), 1), new(Money.FromTenge(1), 1)];

        Price(lines).Vat.Should().Equal(new VatAmount(16, Money.FromTenge(1_503), new Money(207_31)));
    }

    [Fact]
    public void Tiyn_left_over_by_a_share_go_to_the_largest_remainders_first()
    {
        PricingLine[] lines = [new(Money.FromTenge(1), 1), new(Money.FromTenge(1), 1), new(Money.FromTenge(1), 1)];

        var priced = Price(lines, CouponTerms.AmountOff(Money.FromTenge(1)));

        priced.Lines.Select(l => l.Discount.Tiyn).Should().Equal(34, 33, 33);

        PricingLine[] uneven = [new(new Money(100), 1), new(new Money(200), 1), new(new Money(400), 1)];
        // 100 tiyn over 100 : 200 : 400 = 14,28… / 28,57… / 57,14… → 14, 29, 57 (the 0,57 remainder beats 0,28 and 0,14).
        Price(uneven, CouponTerms.AmountOff(Money.FromTenge(1))).Lines.Select(l => l.Discount.Tiyn).Should().Equal(14, 29, 57);
    }

    [Fact]
    public void Shares_always_sum_to_the_order_and_never_take_a_line_below_zero()
    {
        var random = new Random(2026);
        for (var round = 0; round < 500; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => new PricingLine(new Money(random.NextInt64(1, 100_000_000)), random.Next(1, 11), VatRates.Allowed[random.Next(4)]))
                .ToList();
            var coupon = random.Next(2) == 0
                ? CouponTerms.PercentOff(random.Next(1, 101), freeDelivery: random.Next(2) == 0)
                : CouponTerms.AmountOff(Money.FromTenge(random.NextInt64(1, 1_000_000)));
            var probe = Price(lines, coupon);
            var points = random.NextInt64(0, probe.MaxPoints + 1);

            var priced = Price(lines, coupon, points);

            priced.Refused.Should().BeFalse();
            Money.Sum(priced.Lines.Select(l => l.Discount)).Should().Be(priced.Discount);
            Money.Sum(priced.Lines.Select(l => l.Points)).Should().Be(priced.Points);
            priced.Lines.Should().OnlyContain(l => l.Net >= Money.Zero);
            (Money.Sum(priced.Vat.Select(v => v.Gross))).Should().Be(priced.Total);
            (priced.Goods - priced.Discount - priced.Points + priced.Delivery).Should().Be(priced.Total);
            (priced.Discount == priced.Goods || priced.Discount.Tiyn % Money.TiynPerTenge == 0).Should().BeTrue("a discount is whole tenge unless it is all the goods");
        }
    }

    [Fact]
    public void An_order_priced_again_with_the_delivery_fee_it_had_gives_that_fee_back_with_its_vat()
    {
        var priced = Pricing.Price([new PricingLine(new Money(750), 1)], null, 0, PricingSettings.Default with { DeliveryFee = new Money(150) });

        priced.Total.Should().Be(new Money(900));
        priced.Vat.Should().Equal(new VatAmount(16, new Money(900), new Money(124)));
    }

    [Fact]
    public void An_empty_cart_costs_only_delivery() =>
        Price([]).Total.Should().Be(Money.FromTenge(1_500));

    [Theory]
    [InlineData(1, 29_990)]
    [InlineData(5, 149_950)]
    [InlineData(200, 5_998_000)]
    public void A_line_costs_its_unit_price_times_its_quantity(int quantity, long goodsTenge)
    {
        var priced = Price([new PricingLine(Money.FromTenge(29_990), quantity)]);

        priced.Goods.Should().Be(Money.FromTenge(goodsTenge));
        priced.Total.Should().Be(Money.FromTenge(goodsTenge + 1_500));
    }

    [Fact]
    public void Tiyn_are_summed_exactly() =>
        Price([new PricingLine(new Money(1), 3), new PricingLine(new Money(99), 1)]).Total.Tiyn.Should().Be(102 + 150_000);

    [Fact]
    public void A_rate_the_shop_does_not_have_is_a_bug_not_a_price() =>
        FluentActions.Invoking(() => Price([new PricingLine(Money.FromTenge(1), 1, 12)])).Should().Throw<ArgumentException>();
}
