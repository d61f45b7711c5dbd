using Checkout.Web.Domain;

namespace Checkout.Web.Features.Admin;

public sealed record AdminDashboard(IReadOnlyDictionary<OrderStatus, int> OrdersByStatus, int Products);

public sealed record AdminOrderRow(string Number, DateTime CreatedUtc, OrderStatus Status, string PaymentMethod, Money Total, string CustomerEmail);

public sealed record AdminOrderList(IReadOnlyList<AdminOrderRow> Orders, OrderStatus? Status, DateOnly? From, DateOnly? To);

public sealed record AdminReturnRow(string OrderNumber, string CustomerEmail, Money Total, string Reason, DateTime RequestedUtc, string Status,
    OrderStatus OrderStatus, string? DecidedBy);

public sealed record AdminProductRow(int Id, string Name, string Color, string Storage, string Category, string ImageUrl, int Stock,
    Money? CheapestPrice, int StoreCount);
