using Checkout.Web.Features.Payments.Gateway;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>A notification waiting to be sent (or sent again) to the shop.</summary>
/// <param name="Held">A reordered one: it waits for a later notification of its invoice, or until <paramref name="HoldUntilUtc"/>.</param>
public sealed record SandboxQueuedNotification(
    long Id,
    NotificationKind Kind,
    string InvoiceId,
    string Body,
    DateTime DueUtc,
    int Attempts,
    bool Held,
    DateTime? HoldUntilUtc);
