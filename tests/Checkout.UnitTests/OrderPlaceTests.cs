using Checkout.Web.Domain;
using static Checkout.UnitTests.OrderExamples;

namespace Checkout.UnitTests;

/// <summary>What <see cref="Order.Place"/> makes of a checkout: a pending order with everything its sale means.</summary>
public sealed class OrderPlaceTests
{
    [Fact]
    public void A_card_order_is_pending_with_its_totals_lines_sale_timeline_and_charge()
    {
        var order = Placed(PaymentMethods.Card);

        order.Should().BeEquivalentTo(new
        {
            Number = "ORD-20261122-7K3Q9X",
            UserId = "u1",
            Status = OrderStatus.Pending,
            PaymentMethod = "card",
            CardId = (int?)KaspiGold,
            SubtotalTiyn = Tiyn((2 * 925_990) + 29_990),
            DeliveryTiyn = Tiyn(1_500),
            TotalTiyn = Tiyn((2 * 925_990) + 29_990 + 1_500),
            RecipientName = "Айгерім",
            RecipientPhone = "+7 701 000 00 00",
            DeliveryAddress = "Алматы, Абай даңғылы 1",
            CreatedUtc = PlacedUtc,
        }, options => options.ExcludingMissingMembers());
        order.Lines.Select(l => (l.ProductId, l.Quantity, l.LineTotalTiyn)).Should().Equal((1, 2, Tiyn(2 * 925_990)), (18, 1, Tiyn(29_990)));
        order.StockMovements.Select(m => (m.ProductId, m.Delta, m.Reason, m.CreatedUtc)).Should().Equal((1, -2, "sale", PlacedUtc), (18, -1, "sale", PlacedUtc));
        order.Ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CardId = (int?)KaspiGold, Kind = "charge", AmountTiyn = order.TotalTiyn, CreatedUtc = PlacedUtc });
        order.Events.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            FromStatus = (string?)null, ToStatus = "pending", ActorRole = "shopper", ActorId = "u1", ActorEmail = "aigerim@example.kz", Note = (string?)null, CreatedUtc = PlacedUtc,
        });
        order.Return.Should().BeNull();
        order.Kept.Should().Be(order.TotalTiyn, "a card order keeps its charge");
    }

    [Fact]
    public void A_cash_on_delivery_order_has_no_card_and_no_money_yet()
    {
        var order = Placed(PaymentMethods.CashOnDelivery);

        order.CardId.Should().BeNull();
        order.IsCashOnDelivery.Should().BeTrue();
        order.Ledger.Should().BeEmpty();
        order.Kept.Should().Be(0);
        order.StockMovements.Should().HaveCount(2, "the units leave the shelf at checkout either way");
        order.Status.Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public void The_worked_example_two_iphones_cost_1_853_480()
    {
        var order = Place(PaymentMethods.Card, KaspiGold, [Line(productId: 1, storeId: 1, unitTenge: 925_990, quantity: 2)]);

        order.Total.Should().Be(Money.FromTenge(1_853_480));
        order.Subtotal.Should().Be(Money.FromTenge(1_851_980));
        order.Delivery.Should().Be(Money.FromTenge(1_500));
    }

    [Fact]
    public void An_order_without_lines_a_card_order_without_a_card_or_an_order_not_by_a_shopper_is_a_bug()
    {
        OrderLine[] lines = [Line(1, 1, 925_990, 1)];

        FluentActions.Invoking(() => Place(PaymentMethods.Card, KaspiGold, [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Place(PaymentMethods.Card, null, lines)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Place(PaymentMethods.CashOnDelivery, KaspiGold, lines)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Place("bitcoin", null, lines)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Place(PaymentMethods.Card, KaspiGold, lines, by: Admin)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Place(PaymentMethods.Card, KaspiGold, lines, priced: PriceOf([Line(1, 1, 925_990, 2)])))
            .Should().Throw<ArgumentException>("the price is another cart's");
    }
}
