using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using static Checkout.Web.Features.Payments.Gateway.CloudPaymentsWire;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// CloudPayments over its HTTP API (JSON, HTTP Basic auth with the site's Public ID and API secret) and its
/// notifications (form posts signed with the API secret). A typed client: the <see cref="HttpClient"/> comes from the
/// factory with the base address, credentials and timeout of <see cref="CloudPaymentsOptions"/>.
/// </summary>
public sealed partial class CloudPaymentsGateway(HttpClient http, IOptions<CloudPaymentsOptions> options, ILogger<CloudPaymentsGateway> log)
    : IPaymentGateway
{
    /// <summary>The name of the factory's client (a test routes it to the in-memory shop, where the sandbox is).</summary>
    public const string HttpClientName = "CloudPayments";

    /// <summary>The client's base address, credentials and timeout, set once by the factory.</summary>
    public static void Configure(HttpClient client, CloudPaymentsOptions settings)
    {
        client.BaseAddress = new Uri(settings.BaseUrl);
        client.Timeout = settings.Timeout;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.PublicId}:{settings.ApiSecret}")));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaTypeNames.Application.Json));
    }

    public async Task<GatewayResult<GatewayPaymentLink>> CreatePaymentAsync(GatewayPaymentRequest request, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Amount.Tiyn, nameof(request));
        var returnUrl = request.ReturnUrl.AbsoluteUri;
        var body = new OrderRequest(request.Amount, request.Currency, request.Description, request.Email, request.InvoiceId,
            request.AccountId, returnUrl, returnUrl, request.SaveCard);
        var (answer, failure) = await PostAsync<OrderModel>("orders/create", body, requestId: null, request.InvoiceId, ct);
        if (failure is not null)
        {
            return GatewayResult<GatewayPaymentLink>.Failed(failure.Value.Failure, failure.Value.Message);
        }

        if (answer is not { Success: true, Model: { } order })
        {
            return GatewayResult<GatewayPaymentLink>.Failed(GatewayFailure.Refused, answer?.Message);
        }

        // An invoice for another sum or currency than we asked for must never reach a shopper.
        if (order.Amount != request.Amount || !string.Equals(order.Currency, request.Currency, StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(order.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            LogOddAnswer(log, "orders/create", request.InvoiceId);
            return GatewayResult<GatewayPaymentLink>.Failed(GatewayFailure.InvalidAnswer);
        }

        return GatewayResult<GatewayPaymentLink>.Ok(new GatewayPaymentLink(url, order.Id, request.InvoiceId));
    }

    public async Task<GatewayResult<GatewayPayment>> GetStatusAsync(string invoiceId, CancellationToken ct)
    {
        var (answer, failure) = await PostAsync<TransactionModel>("payments/find", new FindRequest(invoiceId), requestId: null, invoiceId, ct);
        if (failure is not null)
        {
            return GatewayResult<GatewayPayment>.Failed(failure.Value.Failure, failure.Value.Message);
        }

        // Not found is Success: false without a model; a declined payment is Success: false with its transaction.
        return answer!.Model is { } transaction ? Payment(transaction, invoiceId) : GatewayResult<GatewayPayment>.Ok(GatewayPayment.NotFound);
    }

    public async Task<GatewayResult<GatewayRefund>> RefundAsync(string transactionId, Money amount, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Tiyn, nameof(amount));
        if (!long.TryParse(transactionId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException($"A CloudPayments transaction id is a number, not «{transactionId}».", nameof(transactionId));
        }

        var (answer, failure) = await PostAsync<RefundModel>("payments/refund", new RefundRequest(id, amount), idempotencyKey, transactionId, ct);
        if (failure is not null)
        {
            return GatewayResult<GatewayRefund>.Failed(failure.Value.Failure, failure.Value.Message);
        }

        return answer is { Success: true, Model.TransactionId: > 0 }
            ? GatewayResult<GatewayRefund>.Ok(new GatewayRefund(Id(answer.Model.TransactionId)))
            : GatewayResult<GatewayRefund>.Failed(GatewayFailure.Refused, answer?.Message);
    }

    public async Task<GatewayResult<GatewayPayment>> ChargeTokenAsync(GatewayTokenCharge charge, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(charge.Amount.Tiyn, nameof(charge));
        var body = new TokenChargeRequest(charge.Amount, charge.Currency, charge.AccountId, charge.Token, charge.InvoiceId, charge.Description, charge.Email);
        var (answer, failure) = await PostAsync<TransactionModel>("payments/tokens/charge", body, charge.IdempotencyKey, charge.InvoiceId, ct);
        if (failure is not null)
        {
            return GatewayResult<GatewayPayment>.Failed(failure.Value.Failure, failure.Value.Message);
        }

        // A decline is Success: false with the transaction; a refusal of the request itself (an unknown token) has none.
        return answer!.Model is { } transaction ? Payment(transaction, charge.InvoiceId) : GatewayResult<GatewayPayment>.Failed(GatewayFailure.Refused, answer.Message);
    }

    public NotificationCheck VerifyNotification(NotificationKind kind, ReadOnlySpan<byte> body, IHeaderDictionary headers)
    {
        // Without a secret nothing can be verified: an HMAC under an empty key is anyone's to make.
        if (!options.Value.Configured)
        {
            return NotificationCheck.Refused(NotificationRefusal.BadSignature);
        }

        var secret = options.Value.ApiSecret;
        string? raw = headers[CloudPaymentsSignature.Header];
        string? decoded = headers[CloudPaymentsSignature.DecodedHeader];
        if (string.IsNullOrWhiteSpace(raw) && string.IsNullOrWhiteSpace(decoded))
        {
            return NotificationCheck.Refused(NotificationRefusal.Unsigned);
        }

        // Content-HMAC signs the body as sent; only without it is X-Content-HMAC, over the decoded body, taken instead.
        var signed = !string.IsNullOrWhiteSpace(raw)
            ? CloudPaymentsSignature.Matches(secret, body, raw)
            : CloudPaymentsSignature.Matches(secret, CloudPaymentsSignature.Decoded(body), decoded);
        if (!signed)
        {
            return NotificationCheck.Refused(NotificationRefusal.BadSignature);
        }

        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        string? Field(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
        if (Field("TransactionId") is not { } transactionId || !long.TryParse(transactionId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || !TengeAmount.TryParse(Field("Amount"), out var amount))
        {
            return NotificationCheck.Refused(NotificationRefusal.Malformed);
        }

        return NotificationCheck.Ok(new GatewayNotification(
            kind,
            transactionId,
            Field("InvoiceId"),
            amount,
            Field("Currency"),
            Field("Status"),
            Field("PaymentTransactionId"),
            Field("AccountId"),
            Field("Email"),
            Field("Token"),
            Field("CardType"),
            Field("CardFirstSix"),
            Field("CardLastFour"),
            Field("CardExpDate"),
            Field("Reason"),
            int.TryParse(Field("ReasonCode"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null,
            Field("TestMode") is "1" or "true" or "True"));
    }

    private GatewayResult<GatewayPayment> Payment(TransactionModel transaction, string invoiceId)
    {
        GatewayPaymentState? state = transaction.Status switch
        {
            Statuses.Completed => GatewayPaymentState.Paid,
            Statuses.Declined => GatewayPaymentState.Declined,
            Statuses.Authorized or Statuses.AwaitingAuthentication => GatewayPaymentState.Pending,
            Statuses.Cancelled => GatewayPaymentState.Cancelled,
            _ => null,
        };
        if (state is null || transaction.TransactionId <= 0)
        {
            LogOddAnswer(log, "transaction", invoiceId);
            return GatewayResult<GatewayPayment>.Failed(GatewayFailure.InvalidAnswer);
        }

        return GatewayResult<GatewayPayment>.Ok(new GatewayPayment(
            state.Value,
            Id(transaction.TransactionId),
            transaction.InvoiceId,
            transaction.Amount,
            transaction.Currency,
            transaction.Refunded,
            transaction.Token,
            CardMasks.Format(transaction.CardType, transaction.CardLastFour),
            transaction.CardHolderMessage ?? transaction.Reason,
            transaction.ReasonCode));
    }

    /// <summary>
    /// Posts one call and reads its envelope. An answer that never came (network, timeout, 5xx, 429) or can't be read is
    /// a failure; the envelope itself, <c>Success: false</c> included, is the caller's to read.
    /// </summary>
    private async Task<(Envelope<T>? Answer, (GatewayFailure Failure, string? Message)? Failure)> PostAsync<T>(
        string path, object body, string? requestId, string subject, CancellationToken ct)
    {
        if (!options.Value.Configured)
        {
            return (null, (GatewayFailure.NotConfigured, null));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), Json), Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        if (requestId is not null)
        {
            request.Headers.Add(RequestIdHeader, requestId);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException unreachable)
        {
            LogUnavailable(log, path, subject, unreachable.Message);
            return (null, (GatewayFailure.Unavailable, null));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            LogUnavailable(log, path, subject, "timed out");
            return (null, (GatewayFailure.Unavailable, null));
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                LogUnauthorized(log, path);
                return (null, (GatewayFailure.Unauthorized, null));
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                LogUnavailable(log, path, subject, $"HTTP {(int)response.StatusCode}");
                return (null, (GatewayFailure.Unavailable, null));
            }

            Envelope<T>? answer;
            try
            {
                answer = JsonSerializer.Deserialize<Envelope<T>>(await response.Content.ReadAsStringAsync(ct), Json);
            }
            catch (JsonException)
            {
                answer = null;
            }

            if (answer is null)
            {
                LogOddAnswer(log, path, subject);
                return (null, (GatewayFailure.InvalidAnswer, null));
            }

            // A 400 carries the envelope with the gateway's reason: the request was read and refused.
            return response.IsSuccessStatusCode || answer.Model is not null ? (answer, null) : (null, (GatewayFailure.Refused, answer.Message));
        }
    }

    private static string Id(long transactionId) => transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudPayments {Path} for {Subject}: no answer ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string path, string subject, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "CloudPayments {Path}: the credentials were refused (Payments:CloudPayments:PublicId, ApiSecret)")]
    private static partial void LogUnauthorized(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "CloudPayments {Path} for {Subject}: an answer that isn't the protocol's or not what was asked")]
    private static partial void LogOddAnswer(ILogger logger, string path, string subject);
}
