using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

public sealed record CardOption(int Id, string Name, Money Balance);

public sealed record PaymentPage(PricedOrder Priced, IReadOnlyList<CardOption> Cards, int? SelectedCardId, string? Error);

/// <summary>The success body of <c>POST /process_payment</c>; amounts in whole tenge.</summary>
public sealed record PaymentSucceeded(string Status, string Message, long NewBalance, long TotalPaid, string OrderNumber);

/// <summary>
/// The 409 body when the cart changed since the page showed its total: SPEC's error envelope plus the cart's totals as
/// they are now (whole tenge), so the page shows them and its next «Төлеу» pays them.
/// </summary>
public sealed record CartChangedBody(string Status, string Message, long Subtotal, long Delivery, long Total);

/// <summary>The success body of a cash-on-delivery order: nothing is debited, <c>total_due</c> is paid to the courier.</summary>
public sealed record OrderPlaced(string Status, string Message, string PaymentMethod, long TotalDue, string OrderNumber);
