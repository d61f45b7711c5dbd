using Checkout.Web.Domain;

namespace Checkout.UnitTests;

/// <summary>Orders for the rules' tests: placed as the checkout places them, then moved along legal steps.</summary>
public static class OrderExamples
{
    public const int KaspiGold = 7;

    public static readonly DateTime PlacedUtc = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);

    public static readonly Actor Shopper = new(Actors.Shopper, "u1", "aigerim@example.kz");

    public static readonly Actor Admin = new(Actors.Admin, "a1", "admin@checkout.local");

    public static readonly Actor TheShop = new(Actors.System, null, null);

    /// <summary>Two iPhones (925 990 ₸) from store 1 and a pair of earbuds (29 990 ₸) from store 2: 1 853 480 + 29 990 ₸ with delivery.</summary>
    public static Order Placed(string paymentMethod = PaymentMethods.Card) =>
        Place(paymentMethod, paymentMethod == PaymentMethods.Card ? KaspiGold : null,
            [Line(productId: 1, storeId: 1, unitTenge: 925_990, quantity: 2), Line(productId: 18, storeId: 2, unitTenge: 29_990, quantity: 1)]);

    /// <summary>Places <paramref name="lines"/> at the price <see cref="Pricing"/> gives them, as the checkout does.</summary>
    public static Order Place(string paymentMethod, int? cardId, IReadOnlyList<OrderLine> lines, Actor? by = null, PricedOrder? priced = null,
        CouponUse? coupon = null) =>
        Order.Place("ORD-20261122-7K3Q9X", by ?? Shopper, paymentMethod, cardId, new OrderRecipient("Айгерім", "+7 701 000 00 00", "Алматы, Абай даңғылы 1"),
            lines, priced ?? PriceOf(lines), coupon, PlacedUtc, paymentMethod == PaymentMethods.Online ? PaymentDueUtc : null);

    /// <summary>An online order's payment window, as the checkout gives it (30 minutes).</summary>
    public static readonly DateTime PaymentDueUtc = PlacedUtc.AddMinutes(30);

    public static PricedOrder PriceOf(IReadOnlyList<OrderLine> lines, CouponTerms? coupon = null, long points = 0) =>
        Pricing.Price([.. lines.Select(l => new PricingLine(l.UnitPrice, l.Quantity))], coupon, points, PricingSettings.Default);

    public static OrderLine Line(int productId, int storeId, long unitTenge, int quantity) => new()
    {
        ProductId = productId,
        StoreId = storeId,
        ProductName = $"product {productId}",
        Color = "Қара",
        Storage = "256 GB",
        StoreName = $"store {storeId}",
        UnitPriceTiyn = Money.FromTenge(unitTenge).Tiyn,
        Quantity = quantity,
    };

    /// <summary>
    /// A placed order driven to <paramref name="status"/> the way people do it: the admin's form, the shopper's cancel and
    /// return, the queue's decision. Only an online order awaits payment, so that state is always one.
    /// </summary>
    public static Order At(OrderStatus status, string paymentMethod = PaymentMethods.Card)
    {
        var order = Placed(status == OrderStatus.AwaitingPayment ? PaymentMethods.Online : paymentMethod);
        var at = PlacedUtc;
        IEnumerable<TransitionResult> Steps()
        {
            switch (status)
            {
                case OrderStatus.Pending or OrderStatus.AwaitingPayment:
                    break;
                case OrderStatus.Cancelled:
                    yield return order.Cancel(Shopper, at = at.AddHours(1));
                    break;
                case OrderStatus.ReturnRequested or OrderStatus.Refunded:
                    yield return order.MoveTo(OrderStatus.Processing, Admin, at = at.AddHours(1));
                    yield return order.MoveTo(OrderStatus.Delivered, Admin, at = at.AddHours(1));
                    yield return order.RequestReturn("Түсі ұнамады", Shopper, at = at.AddHours(1));
                    if (status == OrderStatus.Refunded)
                    {
                        yield return order.DecideReturn(approve: true, Admin, at.AddHours(1));
                    }

                    break;
                default:
                    foreach (var step in new[] { OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed })
                    {
                        yield return order.MoveTo(step, Admin, at = at.AddHours(1));
                        if (step == status)
                        {
                            yield break;
                        }
                    }

                    break;
            }
        }

        foreach (var result in Steps())
        {
            result.Outcome.Should().Be(TransitionOutcome.Done, $"driving to {status}");
        }

        order.Status.Should().Be(status);
        return order;
    }

    public static long Tiyn(long tenge) => Money.FromTenge(tenge).Tiyn;
}
