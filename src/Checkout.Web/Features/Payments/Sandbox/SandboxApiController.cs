using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static Checkout.Web.Features.Payments.Gateway.CloudPaymentsWire;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// The sandbox's API: the part of CloudPayments' the adapter calls (<c>orders/create</c>, <c>payments/find</c>,
/// <c>payments/refund</c>, <c>payments/tokens/charge</c>), JSON in and out, HTTP Basic auth with the merchant's Public ID
/// and API secret, <c>X-Request-ID</c> for idempotent calls. Server to server: no antiforgery token, the credentials instead.
/// </summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SandboxApiController(
    SandboxStore store,
    SandboxPayments payments,
    SandboxChaos chaos,
    SandboxNotifier notifier,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpPost(SandboxRoutes.Prefix + "/orders/create")]
    public async Task<IActionResult> CreateOrder(CancellationToken ct)
    {
        if (!Authenticated())
        {
            return Unauthenticated();
        }

        var request = await ReadAsync<OrderRequest>(ct);
        if (request is null || request.Amount.Tiyn <= 0 || request.Currency != TengeAmount.Currency || string.IsNullOrWhiteSpace(request.Description)
            || string.IsNullOrWhiteSpace(request.InvoiceId) || !IsWebUrl(request.SuccessRedirectUrl) || !IsWebUrl(request.FailRedirectUrl))
        {
            return Invalid();
        }

        var order = await store.CreateOrderAsync(new SandboxOrder(
            RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16), 0, request.InvoiceId,
            request.AccountId, request.Email, request.Description, request.Amount, request.Currency, request.SuccessRedirectUrl, request.FailRedirectUrl,
            request.SaveCard, Paid: false, clock.GetUtcNow().UtcDateTime), ct);
        var url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{SandboxRoutes.Prefix}/pay/{order.Id}";
        return Answer(new Envelope<OrderModel>(true, null, new OrderModel(order.Id, order.Number, order.Amount, order.Currency, url, "Created", order.InvoiceId)));
    }

    [HttpPost(SandboxRoutes.Prefix + "/payments/find")]
    public async Task<IActionResult> Find(CancellationToken ct)
    {
        if (!Authenticated())
        {
            return Unauthenticated();
        }

        if (await ReadAsync<FindRequest>(ct) is not { InvoiceId: { Length: > 0 } invoiceId })
        {
            return Invalid();
        }

        return await store.FindPaymentAsync(invoiceId, ct) is { } payment
            ? Answer(Transaction(payment))
            : Answer(new Envelope<TransactionModel>(false, text["Sandbox_NotFound"], null));
    }

    [HttpPost(SandboxRoutes.Prefix + "/payments/refund")]
    public async Task<IActionResult> Refund(CancellationToken ct)
    {
        if (!Authenticated())
        {
            return Unauthenticated();
        }

        const string Path = "payments/refund";
        if (await ReplayAsync(Path, ct) is { } replay)
        {
            return replay;
        }

        if (await ReadAsync<RefundRequest>(ct) is not { Amount.Tiyn: > 0 } request)
        {
            return Invalid();
        }

        if (await store.GetTransactionAsync(request.TransactionId, ct) is not { Kind: SandboxTransactionKind.Payment, Status: Statuses.Completed } payment)
        {
            return Answer(new Envelope<RefundModel>(false, text["Sandbox_TransactionNotFound"], null));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var refund = await store.RefundAsync(payment, request.Amount, now,
            refund => chaos.Plan(NotificationKind.Refund, refund.InvoiceId, SandboxNotificationBodies.Refund(refund), now),
            refund => Kept(Path, new Envelope<RefundModel>(true, null, new RefundModel(refund.Id))),
            ct);
        if (refund is null)
        {
            return Answer(new Envelope<RefundModel>(false, text["Sandbox_RefundTooLarge"], null));
        }

        notifier.Queued();
        return Answer(new Envelope<RefundModel>(true, null, new RefundModel(refund.Id)));
    }

    [HttpPost(SandboxRoutes.Prefix + "/payments/tokens/charge")]
    public async Task<IActionResult> ChargeToken(CancellationToken ct)
    {
        if (!Authenticated())
        {
            return Unauthenticated();
        }

        const string Path = "payments/tokens/charge";
        if (await ReplayAsync(Path, ct) is { } replay)
        {
            return replay;
        }

        var request = await ReadAsync<TokenChargeRequest>(ct);
        if (request is null || request.Amount.Tiyn <= 0 || request.Currency != TengeAmount.Currency || string.IsNullOrWhiteSpace(request.Token)
            || string.IsNullOrWhiteSpace(request.AccountId) || string.IsNullOrWhiteSpace(request.InvoiceId))
        {
            return Invalid();
        }

        // A token is the card of the account it was saved for, and of nobody else.
        if (await store.FindTokenAsync(request.Token, ct) is not { } token || token.AccountId != request.AccountId)
        {
            return Answer(new Envelope<TransactionModel>(false, text["Sandbox_TokenNotFound"], null));
        }

        var charged = await payments.ChargeTokenAsync(token, request, settled => Kept(Path, Transaction(settled)), ct);
        return Answer(Transaction(charged));
    }

    /// <summary>The notifications' counters (what a chaos run is reported with) and the queue's length.</summary>
    [HttpGet(SandboxRoutes.Prefix + "/stats")]
    public async Task<IActionResult> Stats(CancellationToken ct) => Json(await store.CountsAsync(ct), ShopJson.Options);

    /// <summary>A payment as <c>payments/find</c> and <c>tokens/charge</c> describe it: Success only when it was charged.</summary>
    private Envelope<TransactionModel> Transaction(SandboxTransaction payment)
    {
        var completed = payment.Status == Statuses.Completed;
        var message = completed ? null : payment.ReasonCode switch
        {
            SandboxCards.InsufficientFunds => text["Sandbox_Declined_InsufficientFunds"].Value,
            SandboxCards.RejectedByShop => text["Sandbox_Declined_RejectedByShop"].Value,
            SandboxCards.Approved => null, // still awaiting the bank
            _ => text["Sandbox_Declined_DoNotHonor"].Value,
        };
        var statusCode = payment.Status switch
        {
            Statuses.AwaitingAuthentication => 1,
            Statuses.Authorized => 2,
            Statuses.Completed => 3,
            Statuses.Cancelled => 4,
            _ => 5,
        };
        return new Envelope<TransactionModel>(completed, message, new TransactionModel(
            payment.Id, payment.Amount, payment.Currency, payment.InvoiceId, payment.AccountId, payment.Email, payment.Description, payment.Status,
            statusCode, payment.Refunded > Money.Zero, payment.Token, payment.CardType, payment.CardFirstSix, payment.CardLastFour, payment.CardExpDate,
            completed ? null : payment.Reason, completed ? null : payment.ReasonCode, message, TestMode: true, payment.CreatedUtc));
    }

    /// <summary>HTTP Basic with the merchant's Public ID and API secret, compared in constant time.</summary>
    private bool Authenticated()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = new byte[header.Length];
        var expected = Encoding.UTF8.GetBytes($"{options.Value.PublicId}:{options.Value.ApiSecret}");
        return Convert.TryFromBase64String(header[6..].Trim(), given, out var length)
            && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, length), expected);
    }

    private IActionResult Unauthenticated()
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"CloudPayments sandbox\"";
        return new JsonResult(new Refusal.ErrorBody("error", text["Sandbox_Unauthorized"]), ShopJson.Options) { StatusCode = StatusCodes.Status401Unauthorized };
    }

    private ContentResult Invalid() => Answer(new Envelope<object>(false, text["Sandbox_RequestInvalid"], null), StatusCodes.Status400BadRequest);

    private ContentResult Answer<T>(Envelope<T> envelope, int status = StatusCodes.Status200OK) =>
        new() { Content = JsonSerializer.Serialize(envelope, CloudPaymentsWire.Json), ContentType = "application/json; charset=utf-8", StatusCode = status };

    /// <summary>The answer to keep for this call's <c>X-Request-ID</c>, when it has one.</summary>
    private (string, string, int, string)? Kept<T>(string path, Envelope<T> envelope) =>
        Request.Headers[RequestIdHeader].ToString() is { Length: > 0 } requestId
            ? (requestId, path, StatusCodes.Status200OK, JsonSerializer.Serialize(envelope, CloudPaymentsWire.Json))
            : null;

    /// <summary>A call repeated with the <c>X-Request-ID</c> of one that was carried out gets that one's answer, and nothing happens again.</summary>
    private async Task<IActionResult?> ReplayAsync(string path, CancellationToken ct) =>
        Request.Headers[RequestIdHeader].ToString() is { Length: > 0 } requestId && await store.FindAnswerAsync(requestId, path, ct) is { } kept
            ? new ContentResult { Content = kept.Body, ContentType = "application/json; charset=utf-8", StatusCode = kept.Status }
            : null;

    private async Task<T?> ReadAsync<T>(CancellationToken ct)
        where T : class
    {
        if (Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(Request.Body, CloudPaymentsWire.Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsWebUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";
}
