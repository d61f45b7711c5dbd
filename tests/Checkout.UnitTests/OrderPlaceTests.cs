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
        order.VatTotal.Should().Be(new Money(255_652_41));
        order.GoodsPaid.Should().Be(Money.FromTenge(1_851_980));
    }

    [Fact]
    public void An_order_keeps_its_coupon_its_shares_and_its_vat_snapshot_as_priced()
    {
        OrderLine[] lines = [Line(productId: 1, storeId: 1, unitTenge: 925_990, quantity: 2), Line(productId: 18, storeId: 2, unitTenge: 29_990, quantity: 1)];
        var priced = PriceOf(lines, CouponTerms.PercentOff(10), points: 1_000);

        var order = Order.Place("ORD-1", Shopper, PaymentMethods.Card, KaspiGold, new OrderRecipient("А", "", "Алматы"), lines, priced,
            new CouponUse(CouponId: 5, Code: "WELCOME10", Slot: 1), PlacedUtc);

        (order.Discount, order.Points, order.Total).Should().Be((Money.FromTenge(188_197), Money.FromTenge(1_000), Money.FromTenge(1_881_970 - 188_197 - 1_000 + 1_500)));
        order.GoodsPaid.Should().Be(Money.FromTenge(1_881_970 - 188_197 - 1_000));
        (order.CouponId, order.CouponCode).Should().Be((5, "WELCOME10"));
        order.Redemption.Should().BeEquivalentTo(new { CouponId = 5, UserId = "u1", Slot = (int?)1 });
        order.Lines.Sum(l => l.DiscountTiyn).Should().Be(order.DiscountTiyn);
        order.Lines.Sum(l => l.PointsTiyn).Should().Be(order.PointsTiyn);
        order.Vat.Should().ContainSingle().Which.VatTiyn.Should().Be(order.VatTiyn);
        order.Ledger.Should().ContainSingle().Which.AmountTiyn.Should().Be(order.TotalTiyn);
    }

    [Fact]
    public void A_free_order_is_placed_free_and_only_a_free_order_is()
    {
        OrderLine[] lines = [Line(1, 1, 925_990, 1)];
        var gift = PriceOf(lines, CouponTerms.PercentOff(100, freeDelivery: true));
        var use = new CouponUse(4, "GIFT100", 1);
        var recipient = new OrderRecipient("А", "", "Алматы");

        var free = Order.Place("ORD-1", Shopper, PaymentMethods.Free, null, recipient, lines, gift, use, PlacedUtc);

        (free.IsFree, free.Total, free.CardId).Should().Be((true, Money.Zero, (int?)null));
        free.Ledger.Should().BeEmpty();
        free.Cancel(Shopper, PlacedUtc.AddHours(1)).ReleasesCouponId.Should().Be(4);
        FluentActions.Invoking(() => Order.Place("ORD-2", Shopper, PaymentMethods.Card, KaspiGold, recipient, lines, gift, use, PlacedUtc))
            .Should().Throw<ArgumentException>("a total of 0 is never charged to a card");
        FluentActions.Invoking(() => Order.Place("ORD-3", Shopper, PaymentMethods.Free, null, recipient, lines, PriceOf(lines), null, PlacedUtc))
            .Should().Throw<ArgumentException>("an order that costs something is not free");
        FluentActions.Invoking(() => Order.Place("ORD-4", Shopper, PaymentMethods.Free, null, recipient, lines, gift, null, PlacedUtc))
            .Should().Throw<ArgumentException>("a coupon's price comes with its use");
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
