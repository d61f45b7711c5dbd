using Checkout.Web.Domain;

namespace Checkout.Web.Features.Admin;

public sealed record AdminDashboard(IReadOnlyDictionary<OrderStatus, int> OrdersByStatus, int Products, PaymentSuccessRate Payments);

/// <summary>
/// Today's online payments (seed 004's key metric): of the attempts that came to an outcome (<see cref="Paid"/> or
/// <see cref="Declined"/>), the share paid; null when none did yet.
/// </summary>
public sealed record PaymentSuccessRate(int Paid, int Declined)
{
    public int WithOutcome => Paid + Declined;

    /// <summary>Whole percent, rounded down: 2 of 3 is 66.</summary>
    public int? Percent => WithOutcome == 0 ? null : Paid * 100 / WithOutcome;
}

public sealed record AdminPaymentAttempt(string Kind, string InvoiceId, string? TransactionId, Money Amount, int? Code, string? Note, DateTime CreatedUtc);

public sealed record AdminOrderRow(string Number, DateTime CreatedUtc, OrderStatus Status, string PaymentMethod, Money Total, string CustomerEmail);

public sealed record AdminOrderList(IReadOnlyList<AdminOrderRow> Orders, OrderStatus? Status, DateOnly? From, DateOnly? To);

public sealed record AdminReturnRow(string OrderNumber, string CustomerEmail, Money Total, string Reason, DateTime RequestedUtc, string Status,
    OrderStatus OrderStatus, string? DecidedBy);

public sealed record AdminProductRow(int Id, string Name, string Color, string Storage, string Category, string ImageUrl, int Stock,
    Money? CheapestPrice, int StoreCount);
