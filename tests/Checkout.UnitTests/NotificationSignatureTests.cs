using System.Security.Cryptography;
using System.Text;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Checkout.UnitTests;

/// <summary>The adapter believes a notification only when its HMAC is the body's under our API secret.</summary>
public class NotificationSignatureTests
{
    private const string Secret = "api-secret-1";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "TransactionId=1042&Amount=255652.41&Currency=KZT&InvoiceId=INV-1&Status=Completed&Description=%D0%A2%D0%B0%D0%BF%D1%81%D1%8B%D1%80%D1%8B%D1%81+1&CardType=Visa&CardLastFour=4242&Token=tk_1");

    private static CloudPaymentsGateway Gateway(string secret = Secret) => new(new HttpClient(),
        Options.Create(new CloudPaymentsOptions { BaseUrl = "http://localhost/", PublicId = "pk", ApiSecret = secret }), NullLogger<CloudPaymentsGateway>.Instance);

    private static string Sign(byte[] bytes, string secret = Secret) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes));

    private static HeaderDictionary Headers(string? contentHmac = null, string? xContentHmac = null)
    {
        var headers = new HeaderDictionary();
        if (contentHmac is not null)
        {
            headers["Content-HMAC"] = contentHmac;
        }

        if (xContentHmac is not null)
        {
            headers["X-Content-HMAC"] = xContentHmac;
        }

        return headers;
    }

    [Fact]
    public void A_body_signed_with_our_secret_is_read_with_its_exact_amount()
    {
        var check = Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers(Sign(Body)));

        check.Verified.Should().BeTrue();
        check.Notification!.Amount.Should().Be(new Money(25_565_241));
        check.Notification.TransactionId.Should().Be("1042");
        check.Notification.InvoiceId.Should().Be("INV-1");
        check.Notification.Token.Should().Be("tk_1");
        check.Notification.CardMask.Should().Be("Visa •••• 4242");
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("Amount=255652.41", "Amount=1.00", StringComparison.Ordinal));

        Gateway().VerifyNotification(NotificationKind.Pay, tampered, Headers(Sign(Body))).Refusal.Should().Be(NotificationRefusal.BadSignature);
    }

    [Fact]
    public void A_body_signed_with_another_secret_is_refused() =>
        Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers(Sign(Body, "someone-elses"))).Refusal.Should().Be(NotificationRefusal.BadSignature);

    [Fact]
    public void Our_signature_checked_with_another_secret_is_refused() =>
        Gateway("another-secret").VerifyNotification(NotificationKind.Pay, Body, Headers(Sign(Body))).Refusal.Should().Be(NotificationRefusal.BadSignature);

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_signature_that_is_no_signature_is_refused(string signature) =>
        Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers(signature)).Refusal.Should().Be(
            signature.Length == 0 ? NotificationRefusal.Unsigned : NotificationRefusal.BadSignature);

    [Fact]
    public void Without_an_api_secret_nothing_is_believed() =>
        Gateway("").VerifyNotification(NotificationKind.Pay, Body, Headers(Sign(Body, ""))).Refusal.Should().Be(NotificationRefusal.BadSignature);

    [Fact]
    public void An_unsigned_body_is_refused() =>
        Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers()).Refusal.Should().Be(NotificationRefusal.Unsigned);

    [Fact]
    public void X_Content_HMAC_alone_signs_the_decoded_body()
    {
        var decoded = Encoding.UTF8.GetBytes(System.Net.WebUtility.UrlDecode(Encoding.UTF8.GetString(Body)));

        Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers(xContentHmac: Sign(decoded))).Verified.Should().BeTrue();
        Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers(xContentHmac: Sign(Body))).Refusal.Should().Be(NotificationRefusal.BadSignature);
    }

    [Fact]
    public void A_bad_Content_HMAC_is_not_rescued_by_a_good_X_Content_HMAC()
    {
        var decoded = Encoding.UTF8.GetBytes(System.Net.WebUtility.UrlDecode(Encoding.UTF8.GetString(Body)));

        Gateway().VerifyNotification(NotificationKind.Pay, Body, Headers(Sign(Body, "forged"), Sign(decoded))).Refusal.Should().Be(NotificationRefusal.BadSignature);
    }

    [Theory]
    [InlineData("Amount=255652.41&Currency=KZT")]
    [InlineData("TransactionId=1042&Amount=255652.415")]
    [InlineData("TransactionId=abc&Amount=1.00")]
    public void A_signed_body_without_a_transaction_or_an_exact_amount_is_malformed(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Gateway().VerifyNotification(NotificationKind.Pay, bytes, Headers(Sign(bytes))).Refusal.Should().Be(NotificationRefusal.Malformed);
    }
}
