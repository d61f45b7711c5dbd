using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public class CartRulesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(99, true)]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(-1, false)]
    public void Allows_quantities_from_1_to_99(int quantity, bool allowed) =>
        CartRules.IsAllowedQuantity(quantity).Should().Be(allowed);
}
