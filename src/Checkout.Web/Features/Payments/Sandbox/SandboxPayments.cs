using System.Security.Cryptography;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.Extensions.Options;
using static Checkout.Web.Features.Payments.Gateway.CloudPaymentsWire;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// Charges in the sandbox, from the hosted page or a saved card: opens the attempt, asks the shop (Check), lets the test
/// card's bank answer, and settles it with its Pay or Fail notification queued (through the chaos settings), all
/// written before anyone is told.
/// </summary>
public sealed class SandboxPayments(SandboxStore store, SandboxChaos chaos, SandboxNotifier notifier, IOptions<SandboxOptions> options, TimeProvider clock)
{
    /// <summary>Pays an invoice with a card typed on the hosted page; null when the invoice was paid meanwhile (nothing charged).</summary>
    public Task<SandboxTransaction?> PayAsync(SandboxOrder order, SandboxCardDetails card, bool saveCard, CancellationToken ct)
    {
        var pending = Attempt(order.InvoiceId, order.AccountId, order.Email, order.Description, order.Amount, order.Currency,
            SandboxCards.TypeOf(card.Digits), card.Digits[..6], card.Digits[^4..], card.Expiry, card.Holder) with { OrderId = order.Id };
        var token = saveCard && order.SaveCard && order.AccountId is not null
            ? new SandboxToken("tk_" + RandomNumberGenerator.GetHexString(24, lowercase: true), order.AccountId, pending.CardFirstSix!, pending.CardLastFour!,
                pending.CardType!, card.Expiry, card.Holder)
            : null;
        return SettleAsync(pending, card.Outcome, token, answer: null, ct);
    }

    /// <summary>Charges a saved card; <paramref name="answer"/> gives the call's answer to keep for its <c>X-Request-ID</c>.</summary>
    public async Task<SandboxTransaction> ChargeTokenAsync(SandboxToken token, TokenChargeRequest request,
        Func<SandboxTransaction, (string, string, int, string)?> answer, CancellationToken ct)
    {
        var pending = Attempt(request.InvoiceId, request.AccountId, request.Email, request.Description, request.Amount, request.Currency,
            token.CardType, token.CardFirstSix, token.CardLastFour, token.CardExpDate, token.CardHolder) with { Token = token.Token };
        var outcome = SandboxCards.OutcomeOf(token.CardFirstSix, token.CardLastFour) ?? SandboxCardOutcome.Approved;
        return (await SettleAsync(pending, outcome, newToken: null, answer, ct))!; // no invoice to race for: never null
    }

    private SandboxTransaction Attempt(string invoiceId, string? accountId, string? email, string? description, Money amount, string currency,
        string cardType, string firstSix, string lastFour, string expiry, string holder) =>
        new(0, SandboxTransactionKind.Payment, null, null, invoiceId, accountId, email, description, amount, currency, Statuses.AwaitingAuthentication,
            null, SandboxCards.Approved, cardType, firstSix, lastFour, expiry, holder, null, Money.Zero, clock.GetUtcNow().UtcDateTime);

    private async Task<SandboxTransaction?> SettleAsync(SandboxTransaction pending, SandboxCardOutcome outcome, SandboxToken? newToken,
        Func<SandboxTransaction, (string, string, int, string)?>? answer, CancellationToken ct)
    {
        var attempt = pending with { Id = await store.StartPaymentAsync(pending, ct) };
        var accepted = !options.Value.SendCheck || await notifier.CheckAsync(SandboxNotificationBodies.Payment(attempt, Statuses.Completed), ct);
        var (code, reason) = !accepted ? (SandboxCards.RejectedByShop, "RejectedByShop") : SandboxCards.Decline(outcome);
        var settled = accepted && outcome == SandboxCardOutcome.Approved
            ? attempt with { Status = Statuses.Completed, Reason = reason, ReasonCode = code, Token = newToken?.Token ?? attempt.Token }
            : attempt with { Status = Statuses.Declined, Reason = reason, ReasonCode = code, Token = null };
        var paid = settled.Status == Statuses.Completed;
        var (queue, counts) = chaos.Plan(paid ? NotificationKind.Pay : NotificationKind.Fail, settled.InvoiceId,
            SandboxNotificationBodies.Payment(settled, settled.Status), clock.GetUtcNow().UtcDateTime);
        if (!await store.SettlePaymentAsync(settled, paid ? newToken : null, queue, counts, answer?.Invoke(settled), ct))
        {
            return null;
        }

        notifier.Queued();
        return settled;
    }
}
