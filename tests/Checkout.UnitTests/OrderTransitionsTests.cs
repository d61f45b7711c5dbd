using Checkout.Web.Domain;
using static Checkout.UnitTests.OrderExamples;

namespace Checkout.UnitTests;

/// <summary>The state machine itself: which state may follow which, whoever asks.</summary>
public sealed class OrderTransitionsTests
{
    /// <summary>seed 002's transitions, plus the return flow (delivered/completed → return_requested → refunded/delivered), written out here.</summary>
    public static readonly (OrderStatus From, OrderStatus To)[] Legal =
    [
        (OrderStatus.AwaitingPayment, OrderStatus.Pending),
        (OrderStatus.AwaitingPayment, OrderStatus.Cancelled),
        (OrderStatus.Pending, OrderStatus.Processing),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Processing, OrderStatus.Shipped),
        (OrderStatus.Processing, OrderStatus.Delivered),
        (OrderStatus.Processing, OrderStatus.Completed),
        (OrderStatus.Processing, OrderStatus.Cancelled),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Shipped, OrderStatus.Completed),
        (OrderStatus.Delivered, OrderStatus.Completed),
        (OrderStatus.Delivered, OrderStatus.ReturnRequested),
        (OrderStatus.Completed, OrderStatus.ReturnRequested),
        (OrderStatus.ReturnRequested, OrderStatus.Refunded),
        (OrderStatus.ReturnRequested, OrderStatus.Delivered),
    ];

    public static TheoryData<OrderStatus> Known => [.. OrderStatusNames.All];

    [Fact]
    public void Exactly_the_listed_transitions_are_legal()
    {
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                Order.IsLegal(from, to).Should().Be(Legal.Contains((from, to)), $"{from} → {to}");
            }
        }
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Refunded)]
    public void Cancelled_and_refunded_are_final(OrderStatus status)
    {
        var order = At(status);

        order.NextFor(Actors.Admin).Should().BeEmpty();
        order.NextFor(Actors.Shopper).Should().BeEmpty();
        order.MayRequestReturn.Should().BeFalse();
        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            order.MoveTo(to, Admin, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.Illegal, $"{status} → {to}");
        }
    }

    [Fact]
    public void Unknown_is_reached_from_nowhere_and_leads_nowhere()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Order.IsLegal(OrderStatus.Unknown, status).Should().BeFalse();
            Order.IsLegal(status, OrderStatus.Unknown).Should().BeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void An_illegal_step_is_refused_with_the_states_and_changes_nothing(OrderStatus from)
    {
        foreach (var to in Enum.GetValues<OrderStatus>().Where(to => !Legal.Contains((from, to))))
        {
            var order = At(from);
            var before = Snapshot(order);

            var result = order.MoveTo(to, Admin, PlacedUtc.AddDays(1));

            result.Should().BeEquivalentTo(new { Outcome = TransitionOutcome.Illegal, Status = from, Requested = to, Succeeded = false }, $"{from} → {to}");
            result.LedgerEntries.Should().BeEmpty();
            result.StockMovements.Should().BeEmpty();
            Snapshot(order).Should().Be(before, $"{from} → {to} is refused whole");
        }
    }

    [Theory]
    [InlineData(OrderStatus.Processing, OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Processing, OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Processing, OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Completed, false)]
    [InlineData(OrderStatus.ReturnRequested, OrderStatus.Delivered, false)]
    public void Goods_change_hands_once_when_they_leave_processing_or_shipping(OrderStatus from, OrderStatus to, bool handsOver) =>
        Order.HandsOverGoods(from, to).Should().Be(handsOver);

    /// <summary>Everything a refused step could have touched.</summary>
    internal static string Snapshot(Order order) =>
        $"{order.Status} events {order.Events.Count} ledger {order.Ledger.Count} stock {order.StockMovements.Count} return {order.Return?.Status ?? "-"}";
}
