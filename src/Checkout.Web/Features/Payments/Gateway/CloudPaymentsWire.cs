using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// The JSON of CloudPayments' API, for the adapter and the sandbox alike: PascalCase names, amounts in tenge with two
/// decimals, every answer the envelope <c>{"Success":…,"Message":…,"Model":…}</c>.
/// </summary>
public static class CloudPaymentsWire
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new TengeJsonConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Cyrillic),
    };

    public sealed record Envelope<T>(bool Success, string? Message, T? Model);

    /// <summary><c>orders/create</c>: an invoice with a hosted payment link. <c>SaveCard</c> offers the shopper to save the card.</summary>
    public sealed record OrderRequest(
        Money Amount,
        string Currency,
        string Description,
        string? Email,
        string InvoiceId,
        string? AccountId,
        string SuccessRedirectUrl,
        string FailRedirectUrl,
        bool SaveCard,
        bool RequireConfirmation = false,
        bool SendEmail = false);

    public sealed record OrderModel(string Id, long Number, Money Amount, string? Currency, string? Url, string? Status, string? InvoiceId);

    /// <summary><c>payments/find</c>: the latest payment of an invoice.</summary>
    public sealed record FindRequest(string InvoiceId);

    public sealed record TransactionModel(
        long TransactionId,
        Money Amount,
        string? Currency,
        string? InvoiceId,
        string? AccountId,
        string? Email,
        string? Description,
        string? Status,
        int? StatusCode,
        bool Refunded,
        string? Token,
        string? CardType,
        string? CardFirstSix,
        string? CardLastFour,
        string? CardExpDate,
        string? Reason,
        int? ReasonCode,
        string? CardHolderMessage,
        bool TestMode,
        DateTime? CreatedDateIso);

    public sealed record RefundRequest(long TransactionId, Money Amount);

    public sealed record RefundModel(long TransactionId);

    /// <summary><c>payments/tokens/charge</c>; <c>TrInitiatorCode</c> 1 says the shop, not the shopper at the page, starts it.</summary>
    public sealed record TokenChargeRequest(
        Money Amount,
        string Currency,
        string AccountId,
        string Token,
        string InvoiceId,
        string Description,
        string? Email,
        int TrInitiatorCode = 1);

    /// <summary>The header that makes a call idempotent: a repeat within the gateway's window gets the first answer.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    public static class Statuses
    {
        public const string Completed = "Completed";
        public const string Declined = "Declined";
        public const string Authorized = "Authorized";
        public const string AwaitingAuthentication = "AwaitingAuthentication";
        public const string Cancelled = "Cancelled";
    }
}
