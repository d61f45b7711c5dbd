using Checkout.Web.Data;
using Checkout.Web.Domain;

namespace Checkout.UnitTests;

/// <summary>The stored names stay today's (no schema or data change), and a name this code doesn't know is handled, not guessed.</summary>
public sealed class OrderStatusConverterTests
{
    private static readonly OrderStatusConverter Converter = new();

    [Theory]
    [InlineData(OrderStatus.Pending, "pending")]
    [InlineData(OrderStatus.Processing, "processing")]
    [InlineData(OrderStatus.Shipped, "shipped")]
    [InlineData(OrderStatus.Delivered, "delivered")]
    [InlineData(OrderStatus.Completed, "completed")]
    [InlineData(OrderStatus.Cancelled, "cancelled")]
    [InlineData(OrderStatus.ReturnRequested, "return_requested")]
    [InlineData(OrderStatus.Refunded, "refunded")]
    public void Each_state_is_stored_as_its_lowercase_name_and_read_back(OrderStatus status, string stored)
    {
        Converter.ConvertToProvider(status).Should().Be(stored);
        Converter.ConvertFromProvider(stored).Should().Be(status);
        status.ToName().Should().Be(stored);
        OrderStatusNames.Parse(stored).Should().Be(status);
        stored.Length.Should().BeLessThanOrEqualTo(32, "the column is 32 long");
    }

    [Fact]
    public void The_known_states_are_the_nine_of_the_state_machine() =>
        OrderStatusNames.All.Should().Equal(OrderStatus.Pending, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered,
            OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.ReturnRequested, OrderStatus.Refunded, OrderStatus.AwaitingPayment);

    [Theory]
    [InlineData("lost")]
    [InlineData("Pending")]
    [InlineData("return-requested")]
    [InlineData(" pending")]
    [InlineData("")]
    [InlineData("unknown")]
    public void A_name_the_shop_does_not_know_reads_as_unknown(string stored)
    {
        var status = (OrderStatus)Converter.ConvertFromProvider(stored)!;

        status.Should().Be(OrderStatus.Unknown);
        status.IsKnown().Should().BeFalse();
        status.ToName().Should().Be("unknown", "the page shows it as such (resource Status_unknown)");
    }

    [Fact]
    public void Unknown_is_never_written()
    {
        FluentActions.Invoking(() => Converter.ConvertToProvider(OrderStatus.Unknown)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => Converter.ConvertToProvider((OrderStatus)42)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void An_order_in_an_unknown_state_allows_nothing()
    {
        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            Order.IsLegal(OrderStatus.Unknown, to).Should().BeFalse();
        }

        Order.IsUndone(OrderStatus.Unknown).Should().BeFalse();
    }
}
