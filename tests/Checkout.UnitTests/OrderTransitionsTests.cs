using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public sealed class OrderTransitionsTests
{
    /// <summary>seed 002's transitions, plus the return flow (delivered/completed → return_requested → refunded/delivered).</summary>
    public static TheoryData<string, string> Legal => new()
    {
        { OrderStatus.Pending, OrderStatus.Processing },
        { OrderStatus.Pending, OrderStatus.Cancelled },
        { OrderStatus.Processing, OrderStatus.Shipped },
        { OrderStatus.Processing, OrderStatus.Delivered },
        { OrderStatus.Processing, OrderStatus.Completed },
        { OrderStatus.Processing, OrderStatus.Cancelled },
        { OrderStatus.Shipped, OrderStatus.Delivered },
        { OrderStatus.Shipped, OrderStatus.Completed },
        { OrderStatus.Delivered, OrderStatus.Completed },
        { OrderStatus.Delivered, OrderStatus.ReturnRequested },
        { OrderStatus.Completed, OrderStatus.ReturnRequested },
        { OrderStatus.ReturnRequested, OrderStatus.Refunded },
        { OrderStatus.ReturnRequested, OrderStatus.Delivered },
    };

    [Fact]
    public void Exactly_the_listed_transitions_are_allowed()
    {
        var legal = Legal.Select(row => ((string)row[0], (string)row[1])).ToHashSet();

        foreach (var from in OrderStatus.All)
        {
            foreach (var to in OrderStatus.All)
            {
                OrderTransitions.IsAllowed(from, to).Should().Be(legal.Contains((from, to)), $"{from} → {to}");
            }
        }
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Refunded)]
    public void Cancelled_and_refunded_are_final(string status) => OrderTransitions.From(status).Should().BeEmpty();

    [Fact]
    public void An_unknown_state_allows_nothing()
    {
        OrderTransitions.IsAllowed("lost", OrderStatus.Processing).Should().BeFalse();
        OrderTransitions.From("lost").Should().BeEmpty();
    }

    [Theory]
    [InlineData(OrderStatus.Processing, OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Completed, false)]
    [InlineData(OrderStatus.ReturnRequested, OrderStatus.Delivered, false)]
    public void Cash_changes_hands_once_when_the_goods_do(string from, string to, bool handsOver) =>
        OrderTransitions.HandsOverGoods(from, to).Should().Be(handsOver);
}
