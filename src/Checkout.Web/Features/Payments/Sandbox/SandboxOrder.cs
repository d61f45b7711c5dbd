using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>An invoice opened by <c>orders/create</c>: what the hosted page charges, and where it sends the shopper back.</summary>
public sealed record SandboxOrder(
    string Id,
    long Number,
    string InvoiceId,
    string? AccountId,
    string? Email,
    string Description,
    Money Amount,
    string Currency,
    string SuccessUrl,
    string FailUrl,
    bool SaveCard,
    bool Paid,
    DateTime CreatedUtc);
