using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

public sealed record CardOption(int Id, string Name, Money Balance);

public sealed record PaymentPage(OrderTotals Totals, IReadOnlyList<CardOption> Cards, int? SelectedCardId, string? Error);

/// <summary>The success body of <c>POST /process_payment</c>; amounts in whole tenge.</summary>
public sealed record PaymentSucceeded(string Status, string Message, long NewBalance, long TotalPaid, string OrderNumber);

/// <summary>The success body of a cash-on-delivery order: nothing is debited, <c>total_due</c> is paid to the courier.</summary>
public sealed record OrderPlaced(string Status, string Message, string PaymentMethod, long TotalDue, string OrderNumber);
