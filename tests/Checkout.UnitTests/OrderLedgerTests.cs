using Checkout.Web.Domain;
using static Checkout.UnitTests.OrderExamples;

namespace Checkout.UnitTests;

/// <summary>
/// What each state keeps, and what each step writes to the ledger and the stock: the books <c>verify</c> checks
/// (an order's ledger entries sum to <see cref="Order.Kept"/>) hold after every step.
/// </summary>
public sealed class OrderLedgerTests
{
    [Theory]
    [InlineData(OrderStatus.Pending, true, false)]
    [InlineData(OrderStatus.Processing, true, false)]
    [InlineData(OrderStatus.Shipped, true, false)]
    [InlineData(OrderStatus.Delivered, true, true)]
    [InlineData(OrderStatus.Completed, true, true)]
    [InlineData(OrderStatus.ReturnRequested, true, true)]
    [InlineData(OrderStatus.Cancelled, false, false)]
    [InlineData(OrderStatus.Refunded, false, false)]
    public void Each_state_keeps_the_total_or_nothing(OrderStatus status, bool cardKeeps, bool cashKeeps)
    {
        Order.KeptTiyn(status, PaymentMethods.Card, 1_000).Should().Be(cardKeeps ? 1_000 : 0);
        Order.KeptTiyn(status, PaymentMethods.CashOnDelivery, 1_000).Should().Be(cashKeeps ? 1_000 : 0);
        Order.IsUndone(status).Should().Be(status is OrderStatus.Cancelled or OrderStatus.Refunded);
    }

    [Fact]
    public void An_online_order_keeps_nothing_until_the_gateway_confirms_it_then_its_charge_under_the_gateways_transaction()
    {
        var order = At(OrderStatus.AwaitingPayment);
        order.Kept.Should().Be(0);
        order.Ledger.Should().BeEmpty();
        var at = PlacedUtc.AddMinutes(5);

        var paid = order.ConfirmPayment("tx-1", at);

        paid.Succeeded.Should().BeTrue();
        order.Status.Should().Be(OrderStatus.Pending);
        order.Ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CardId = (int?)null, Kind = "charge", AmountTiyn = order.TotalTiyn, GatewayTransactionId = "tx-1" });
        order.Kept.Should().Be(order.TotalTiyn);
        order.ConfirmPayment("tx-1", at).Outcome.Should().Be(TransitionOutcome.Illegal, "paid once");
        order.Events.Last().Should().BeEquivalentTo(new { FromStatus = "awaiting_payment", ToStatus = "pending", ActorRole = "system" });

        var cancelled = order.Cancel(Shopper, at.AddMinutes(1));

        cancelled.LedgerEntries.Should().BeEmpty("the gateway gives the money back; its refund is written when it confirms");
        order.OnlineChargeToRefund.Should().BeSameAs(order.Ledger.Single());
    }

    public static TheoryData<OrderStatus, string> EveryStateBothWays()
    {
        var data = new TheoryData<OrderStatus, string>();
        foreach (var status in OrderStatusNames.All)
        {
            data.Add(status, PaymentMethods.Card);
            data.Add(status, PaymentMethods.CashOnDelivery);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateBothWays))]
    public void The_ledger_sums_to_what_the_state_keeps_and_the_stock_to_the_units_still_sold(OrderStatus status, string paymentMethod)
    {
        var order = At(status, paymentMethod);

        order.Ledger.Sum(e => e.AmountTiyn).Should().Be(order.Kept);
        order.Ledger.Select(e => e.Kind).Should().OnlyHaveUniqueItems("one entry of each kind per order (a unique index)");
        foreach (var product in order.Lines.GroupBy(l => l.ProductId))
        {
            order.StockMovements.Where(m => m.ProductId == product.Key).Sum(m => m.Delta)
                .Should().Be(Order.IsUndone(status) ? 0 : -product.Sum(l => l.Quantity), $"product {product.Key}");
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Processing)]
    public void A_cancel_gives_the_charge_back_to_its_card_and_the_units_to_the_shelf(OrderStatus from)
    {
        var order = At(from);
        var at = PlacedUtc.AddDays(1);

        var result = order.Cancel(Shopper, at);

        result.LedgerEntries.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CardId = (int?)KaspiGold, Kind = "refund", AmountTiyn = -order.TotalTiyn, CreatedUtc = at });
        result.StockMovements.Select(m => (m.ProductId, m.Delta, m.Reason)).Should().Equal((1, 2, "cancel"), (18, 1, "cancel"));
        order.Ledger.Should().Contain(result.LedgerEntries);
        order.StockMovements.Should().Contain(result.StockMovements);
        order.Events.Last().Should().BeEquivalentTo(new { FromStatus = from.ToName(), ToStatus = "cancelled", ActorRole = "shopper", ActorId = "u1", CreatedUtc = at });
    }

    [Fact]
    public void A_cancelled_cash_order_gives_nothing_back_because_nothing_was_taken()
    {
        var result = At(OrderStatus.Processing, PaymentMethods.CashOnDelivery).Cancel(Shopper, PlacedUtc.AddDays(1));

        result.Succeeded.Should().BeTrue();
        result.LedgerEntries.Should().BeEmpty();
        result.StockMovements.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(OrderStatus.Processing, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Processing, OrderStatus.Completed)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Completed)]
    public void Cash_on_delivery_records_the_cash_when_the_goods_are_handed_over(OrderStatus from, OrderStatus to)
    {
        var order = At(from, PaymentMethods.CashOnDelivery);

        var result = order.MoveTo(to, Admin, PlacedUtc.AddDays(1));

        result.LedgerEntries.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CardId = (int?)null, Kind = "cash", AmountTiyn = order.TotalTiyn });
        result.StockMovements.Should().BeEmpty();
    }

    [Fact]
    public void Cash_is_recorded_once_even_after_a_rejected_return()
    {
        var order = At(OrderStatus.ReturnRequested, PaymentMethods.CashOnDelivery);

        order.DecideReturn(approve: false, Admin, PlacedUtc.AddDays(1)).LedgerEntries.Should().BeEmpty();
        order.MoveTo(OrderStatus.Completed, Admin, PlacedUtc.AddDays(2)).LedgerEntries.Should().BeEmpty();
        order.Ledger.Select(e => e.Kind).Should().Equal("cash");
    }

    [Theory]
    [InlineData(PaymentMethods.Card, "refund", KaspiGold)]
    [InlineData(PaymentMethods.CashOnDelivery, "cash_refund", null)]
    public void An_approved_return_gives_the_money_back_the_way_it_came_and_restocks(string paymentMethod, string refundKind, int? cardId)
    {
        var order = At(OrderStatus.ReturnRequested, paymentMethod);

        var result = order.DecideReturn(approve: true, Admin, PlacedUtc.AddDays(1));

        result.LedgerEntries.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CardId = cardId, Kind = refundKind, AmountTiyn = -order.TotalTiyn });
        result.StockMovements.Select(m => (m.ProductId, m.Delta, m.Reason)).Should().Equal((1, 2, "return"), (18, 1, "return"));
        order.Kept.Should().Be(0);
    }

    [Fact]
    public void Restocking_puts_back_each_product_once_in_product_order()
    {
        var order = Place(PaymentMethods.Card, KaspiGold,
            [Line(productId: 9, storeId: 1, unitTenge: 100, quantity: 1), Line(productId: 3, storeId: 2, unitTenge: 100, quantity: 4)]);

        order.Cancel(Shopper, PlacedUtc.AddDays(1)).StockMovements.Select(m => (m.ProductId, m.Delta)).Should().Equal((3, 4), (9, 1));
    }

    [Fact]
    public void A_refused_step_writes_nothing()
    {
        var order = At(OrderStatus.Shipped);

        var result = order.Cancel(Shopper, PlacedUtc.AddDays(1));

        result.Outcome.Should().Be(TransitionOutcome.Illegal);
        result.LedgerEntries.Should().BeEmpty();
        result.StockMovements.Should().BeEmpty();
        order.Ledger.Should().ContainSingle().Which.Kind.Should().Be("charge");
    }
}
