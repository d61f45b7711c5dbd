using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public class OrderTotalsTests
{
    [Fact]
    public void Worked_example_two_iphones_plus_delivery_is_1_853_480()
    {
        var totals = OrderTotals.For([(Money.FromTenge(925_990), 2)]);

        totals.Subtotal.Should().Be(Money.FromTenge(1_851_980));
        totals.Delivery.Should().Be(Money.FromTenge(1_500));
        totals.Total.Should().Be(Money.FromTenge(1_853_480));
    }

    [Fact]
    public void Sums_every_line_and_adds_delivery_once()
    {
        var totals = OrderTotals.For([(Money.FromTenge(925_990), 1), (Money.FromTenge(934_990), 3), (Money.FromTenge(29_990), 2)]);

        totals.Subtotal.Should().Be(Money.FromTenge(925_990 + (3 * 934_990) + (2 * 29_990)));
        totals.Total.Should().Be(totals.Subtotal + Money.FromTenge(1_500));
    }

    [Fact]
    public void An_empty_cart_costs_only_delivery() =>
        OrderTotals.For([]).Total.Should().Be(Money.FromTenge(1_500));

    [Theory]
    [InlineData(1, 29_990)]
    [InlineData(5, 149_950)]
    [InlineData(200, 5_998_000)]
    public void A_line_costs_its_unit_price_times_its_quantity(int quantity, long subtotalTenge)
    {
        var totals = OrderTotals.For([(Money.FromTenge(29_990), quantity)]);

        totals.Subtotal.Should().Be(Money.FromTenge(subtotalTenge));
        totals.Delivery.Should().Be(OrderTotals.DeliveryFee);
        totals.Total.Should().Be(Money.FromTenge(subtotalTenge + 1_500));
    }

    [Fact]
    public void Tiyn_are_summed_exactly()
    {
        var totals = OrderTotals.For([(new Money(1), 3), (new Money(99), 1)]);

        totals.Subtotal.Should().Be(new Money(102));
        totals.Total.Tiyn.Should().Be(102 + 150_000);
    }
}
