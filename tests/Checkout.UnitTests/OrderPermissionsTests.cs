using Checkout.Web.Domain;
using static Checkout.UnitTests.OrderExamples;

namespace Checkout.UnitTests;

/// <summary>
/// Who may take which step: the admin's status form, the shopper's cancel and return, the returns queue. A refusal says
/// why (a code and the states) and changes nothing.
/// </summary>
public sealed class OrderPermissionsTests
{
    /// <summary>What the admin's status form may do from each state, written out (returns are decided in the queue).</summary>
    private static readonly Dictionary<OrderStatus, OrderStatus[]> AdminMayMove = new()
    {
        [OrderStatus.AwaitingPayment] = [OrderStatus.Cancelled],
        [OrderStatus.Pending] = [OrderStatus.Processing, OrderStatus.Cancelled],
        [OrderStatus.Processing] = [OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Completed],
        [OrderStatus.Delivered] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.ReturnRequested] = [],
        [OrderStatus.Refunded] = [],
    };

    public static TheoryData<OrderStatus> Known => [.. OrderStatusNames.All];

    public static TheoryData<OrderStatus> NotAwaitingReturn => [.. OrderStatusNames.All.Where(s => s != OrderStatus.ReturnRequested)];

    [Fact]
    public void The_status_form_offers_processing_shipped_delivered_completed_cancelled() =>
        Order.AdminSettable.Should().Equal(OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled);

    [Theory]
    [MemberData(nameof(Known))]
    public void The_admin_moves_exactly_the_status_forms_legal_steps_from(OrderStatus from)
    {
        At(from).NextFor(Actors.Admin).Should().BeEquivalentTo(AdminMayMove[from], "the admin page's buttons");
        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            var order = At(from);
            var allowed = AdminMayMove[from].Contains(to);

            var result = order.MoveTo(to, Admin, PlacedUtc.AddDays(1));

            result.Succeeded.Should().Be(allowed, $"{from} → {to}");
            order.Status.Should().Be(allowed ? to : from);
            if (!allowed)
            {
                result.Outcome.Should().Be(Order.IsLegal(from, to) ? TransitionOutcome.NotPermitted : TransitionOutcome.Illegal, $"{from} → {to}");
                (result.Status, result.Requested).Should().Be((from, to));
            }
        }
    }

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment, true)]
    [InlineData(OrderStatus.Pending, true)]
    [InlineData(OrderStatus.Processing, true)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, false)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.ReturnRequested, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void The_shopper_may_cancel_until_the_order_leaves_the_warehouse(OrderStatus from, bool allowed)
    {
        var order = At(from);
        order.NextFor(Actors.Shopper).Should().Equal(allowed ? [OrderStatus.Cancelled] : Array.Empty<OrderStatus>(), "the shopper page's cancel button");

        var result = order.Cancel(Shopper, PlacedUtc.AddDays(1));

        result.Outcome.Should().Be(allowed ? TransitionOutcome.Done : TransitionOutcome.Illegal);
        order.Status.Should().Be(allowed ? OrderStatus.Cancelled : from);
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void The_shopper_may_not_use_the_status_form(OrderStatus from)
    {
        foreach (var to in Enum.GetValues<OrderStatus>().Where(to => to != OrderStatus.Cancelled))
        {
            var order = At(from);
            var before = OrderTransitionsTests.Snapshot(order);

            var result = order.MoveTo(to, Shopper, PlacedUtc.AddDays(1));

            result.Outcome.Should().Be(Order.IsLegal(from, to) ? TransitionOutcome.NotPermitted : TransitionOutcome.Illegal, $"{from} → {to}");
            OrderTransitionsTests.Snapshot(order).Should().Be(before);
        }
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void The_shop_itself_only_cancels_an_order_whose_payment_window_ended(OrderStatus from)
    {
        var allowed = from == OrderStatus.AwaitingPayment ? new[] { OrderStatus.Cancelled } : [];
        At(from).NextFor(Actors.System).Should().Equal(allowed);
        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            var order = At(from);
            order.MoveTo(to, TheShop, PlacedUtc.AddDays(1)).Succeeded.Should().Be(allowed.Contains(to), $"{from} → {to}");
            order.Status.Should().Be(allowed.Contains(to) ? to : from);
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, false)]
    [InlineData(OrderStatus.Processing, false)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.ReturnRequested, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void The_shopper_may_ask_to_return_a_delivered_or_completed_order(OrderStatus from, bool allowed)
    {
        var order = At(from);
        order.MayRequestReturn.Should().Be(allowed, "the shopper page's return form");

        var result = order.RequestReturn("  Түсі ұнамады  ", Shopper, PlacedUtc.AddDays(1));

        result.Succeeded.Should().Be(allowed);
        order.Status.Should().Be(allowed ? OrderStatus.ReturnRequested : from);
        if (allowed)
        {
            order.Return.Should().BeEquivalentTo(new { Reason = "Түсі ұнамады", Status = ReturnStatus.Requested, RequestedUtc = PlacedUtc.AddDays(1), DecidedUtc = (DateTime?)null });
            order.Events.Last().Should().BeEquivalentTo(new { FromStatus = from.ToName(), ToStatus = "return_requested", ActorRole = "shopper", Note = "Түсі ұнамады" });
        }
        else
        {
            result.Outcome.Should().Be(from == OrderStatus.ReturnRequested || from == OrderStatus.Refunded ? TransitionOutcome.ReturnAlreadyRequested : TransitionOutcome.Illegal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_return_needs_a_reason(string? reason)
    {
        var order = At(OrderStatus.Delivered);

        order.RequestReturn(reason, Shopper, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.ReturnReasonRequired);
        order.RequestReturn(new string('ы', ReturnStatus.MaxReasonLength + 1), Shopper, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.ReturnReasonRequired);
        order.Status.Should().Be(OrderStatus.Delivered);
        order.Return.Should().BeNull();
        order.RequestReturn(new string('ы', ReturnStatus.MaxReasonLength), Shopper, PlacedUtc.AddDays(1)).Succeeded.Should().BeTrue("1000 characters is the limit, not over it");
    }

    [Fact]
    public void A_return_is_asked_for_once_even_after_a_rejection()
    {
        var order = At(OrderStatus.ReturnRequested);
        order.DecideReturn(approve: false, Admin, PlacedUtc.AddDays(1)).Succeeded.Should().BeTrue();

        order.Status.Should().Be(OrderStatus.Delivered);
        order.Return!.Status.Should().Be(ReturnStatus.Rejected);
        order.MayRequestReturn.Should().BeFalse();
        order.RequestReturn("Тағы да", Shopper, PlacedUtc.AddDays(2)).Outcome.Should().Be(TransitionOutcome.ReturnAlreadyRequested);
    }

    [Fact]
    public void Only_a_shopper_asks_for_a_return() =>
        At(OrderStatus.Delivered).RequestReturn("Түсі ұнамады", Admin, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.NotPermitted);

    [Theory]
    [InlineData(true, OrderStatus.Refunded, ReturnStatus.Approved)]
    [InlineData(false, OrderStatus.Delivered, ReturnStatus.Rejected)]
    public void The_returns_queue_approves_to_refunded_or_rejects_back_to_delivered(bool approve, OrderStatus after, string decision)
    {
        var order = At(OrderStatus.ReturnRequested);

        var result = order.DecideReturn(approve, Admin, PlacedUtc.AddDays(1));

        result.Should().BeEquivalentTo(new { Outcome = TransitionOutcome.Done, Status = after });
        order.Return.Should().BeEquivalentTo(new { Status = decision, DecidedUtc = PlacedUtc.AddDays(1), DecidedBy = "admin@checkout.local" });
        order.Events.Last().Should().BeEquivalentTo(new { FromStatus = "return_requested", ToStatus = after.ToName(), ActorRole = "admin" });
    }

    [Theory]
    [MemberData(nameof(NotAwaitingReturn))]
    public void Without_a_pending_return_there_is_nothing_to_decide(OrderStatus from)
    {
        var order = At(from);

        order.DecideReturn(approve: true, Admin, PlacedUtc.AddDays(1)).Should().BeEquivalentTo(new { Outcome = TransitionOutcome.NoPendingReturn, Status = from });
        order.DecideReturn(approve: false, Admin, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.NoPendingReturn);
        order.Status.Should().Be(from);
    }

    [Fact]
    public void Only_an_admin_decides_a_return()
    {
        var order = At(OrderStatus.ReturnRequested);

        order.DecideReturn(approve: true, Shopper, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.NotPermitted);
        order.Status.Should().Be(OrderStatus.ReturnRequested);
        order.Return!.Status.Should().Be(ReturnStatus.Requested);
    }

    [Fact]
    public void A_pending_return_is_decided_in_the_queue_not_with_the_status_form()
    {
        var order = At(OrderStatus.ReturnRequested);

        order.NextFor(Actors.Admin).Should().BeEmpty();
        order.MoveTo(OrderStatus.Delivered, Admin, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.NotPermitted);
        order.MoveTo(OrderStatus.Refunded, Admin, PlacedUtc.AddDays(1)).Outcome.Should().Be(TransitionOutcome.NotPermitted);
        order.Status.Should().Be(OrderStatus.ReturnRequested);
    }
}
