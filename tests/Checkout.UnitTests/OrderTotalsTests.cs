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
}
