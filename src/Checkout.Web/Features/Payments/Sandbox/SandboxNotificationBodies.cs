using System.Globalization;
using Checkout.Web.Features.Payments.Gateway;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>The form bodies of CloudPayments' notifications, written from the sandbox's transactions.</summary>
public static class SandboxNotificationBodies
{
    /// <summary>Check, Pay or Fail of a payment attempt: the amount and currency are the invoice's.</summary>
    public static string Payment(SandboxTransaction payment, string status)
    {
        List<(string, string?)> fields =
        [
            ("TransactionId", Id(payment.Id)),
            ("Amount", TengeAmount.Format(payment.Amount)),
            ("Currency", payment.Currency),
            ("PaymentAmount", TengeAmount.Format(payment.Amount)),
            ("PaymentCurrency", payment.Currency),
            ("DateTime", payment.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ("CardFirstSix", payment.CardFirstSix),
            ("CardLastFour", payment.CardLastFour),
            ("CardType", payment.CardType),
            ("CardExpDate", payment.CardExpDate),
            ("TestMode", "1"),
            ("Status", status),
            ("OperationType", "Payment"),
            ("GatewayName", "Sandbox"),
            ("InvoiceId", payment.InvoiceId),
            ("AccountId", payment.AccountId),
            ("Name", payment.CardHolder),
            ("Email", payment.Email),
            ("Description", payment.Description),
            ("Issuer", "Sandbox Bank"),
            ("TotalFee", "0"),
        ];
        if (status == CloudPaymentsWire.Statuses.Declined)
        {
            fields.Add(("Reason", payment.Reason));
            fields.Add(("ReasonCode", payment.ReasonCode.ToString(CultureInfo.InvariantCulture)));
        }
        else if (payment.Token is not null)
        {
            fields.Add(("Token", payment.Token));
        }

        return Encode(fields);
    }

    public static string Refund(SandboxTransaction refund) => Encode(
    [
        ("TransactionId", Id(refund.Id)),
        ("PaymentTransactionId", refund.PaymentId is { } payment ? Id(payment) : null),
        ("Amount", TengeAmount.Format(refund.Amount)),
        ("Currency", refund.Currency),
        ("DateTime", refund.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        ("OperationType", "Refund"),
        ("InvoiceId", refund.InvoiceId),
        ("AccountId", refund.AccountId),
        ("Email", refund.Email),
    ]);

    /// <summary>As a browser encodes a form: UTF-8, percent-escapes, a space as <c>+</c>; empty fields left out.</summary>
    private static string Encode(IEnumerable<(string Name, string? Value)> fields) => string.Join('&', fields
        .Where(f => !string.IsNullOrEmpty(f.Value))
        .Select(f => $"{Escape(f.Name)}={Escape(f.Value!)}"));

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
