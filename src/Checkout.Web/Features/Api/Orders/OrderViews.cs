using Checkout.Web.Domain;
using Checkout.Web.Features.Orders;

namespace Checkout.Web.Features.Api.Orders;

/// <summary>An order as the API shows it: money in tiyn, times in UTC, states by their stored names.</summary>
internal static class OrderViews
{
    public static OrderView For(OrderDetails details)
    {
        var order = details.Order;
        return new OrderView(
            order.Number,
            Utc(order.CreatedUtc),
            order.Status.ToName(),
            order.PaymentMethod,
            order.CardId is { } cardId ? new OrderCard(cardId, details.CardName ?? "") : null,
            new OrderRecipientView(order.RecipientName, order.RecipientPhone, order.DeliveryAddress),
            [.. order.Lines.OrderBy(l => l.Id).Select(l => new OrderLineView(
                l.ProductId, l.ProductName, l.Color, l.Storage, l.StoreName, l.UnitPriceTiyn, l.Quantity, l.LineTotalTiyn, ApiController.Currency))],
            order.SubtotalTiyn,
            order.DeliveryTiyn,
            order.TotalTiyn,
            ApiController.Currency,
            [.. details.Timeline.Select(e => new OrderStep(Utc(e.CreatedUtc), e.FromStatus, e.ToStatus, e.ActorRole))],
            [.. order.Ledger.OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id).Select(e => new OrderMoney(
                Utc(e.CreatedUtc), e.Kind, e.AmountTiyn, e.CardId, ApiController.Currency))],
            details.Return is { } asked ? new OrderReturn(asked.Reason, asked.Status, asked.DecidedUtc is { } at ? Utc(at) : null) : null,
            details.ShopperMayCancel,
            details.ShopperMayRequestReturn,
            order.DiscountTiyn,
            order.CouponCode,
            order.PointsUsed,
            order.VatTiyn,
            [.. order.Vat.OrderByDescending(v => v.Rate).Select(v => new Carts.TaxLine(v.Rate, v.GrossTiyn, v.VatTiyn))]);
    }

    /// <summary>A stored time as UTC (SQLite hands it back without a kind), so it is written with its <c>Z</c>.</summary>
    public static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
