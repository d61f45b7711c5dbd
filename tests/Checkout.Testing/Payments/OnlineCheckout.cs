using System.Net;
using System.Text.Json;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Testing.Payments;

/// <summary>What a shopper does to pay online, and what a test reads back about it.</summary>
public static class OnlineCheckout
{
    /// <summary>Places the cart's order to be paid online, as the payment page's script would; returns the number and the hosted page.</summary>
    public static async Task<(string Number, Uri PaymentUrl)> PlaceAsync(Shopper shopper, long points = 0)
    {
        var response = await shopper.PayAsync(new { payment_method = "online", points });
        var json = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json);
        using var answer = JsonDocument.Parse(json);
        answer.RootElement.GetProperty("status").GetString().Should().Be("awaiting_payment");
        return (answer.RootElement.GetProperty("order_number").GetString()!, new Uri(answer.RootElement.GetProperty("payment_url").GetString()!));
    }

    /// <summary>Waits until the order has left awaiting_payment (its notification was handled).</summary>
    public static Task WaitUntilPaidAsync(ShopFactory shop, string number) => shop.WaitForAsync(
        db => db.Orders.Where(o => o.Number == number && o.Status != OrderStatus.AwaitingPayment).Select(o => (object?)o.Number).FirstOrDefaultAsync(),
        $"order {number} paid");

    /// <summary>The order's ledger entries (kind, amount, gateway transaction), oldest first.</summary>
    public static async Task<List<(string Kind, long AmountTiyn, string? Transaction)>> LedgerAsync(ShopFactory shop, string number)
    {
        await using var db = shop.OpenDatabase();
        var entries = await db.LedgerEntries
            .Where(e => db.Orders.Any(o => o.Id == e.OrderId && o.Number == number))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.AmountTiyn, e.GatewayTransactionId })
            .ToListAsync();
        return [.. entries.Select(e => (e.Kind, e.AmountTiyn, e.GatewayTransactionId))];
    }

    /// <summary>The order's payment attempts' kinds, oldest first.</summary>
    public static async Task<List<string>> AttemptsAsync(ShopFactory shop, string number)
    {
        await using var db = shop.OpenDatabase();
        return await db.PaymentAttempts.Where(a => a.InvoiceId == number).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync();
    }

    /// <summary>Posts a notification to the shop as the gateway does: the form body, signed with <paramref name="secret"/> unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> NotifyAsync(Shopper gateway, NotificationKind kind, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/payments/cloudpayments/{kind.ToString().ToLowerInvariant()}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (signature is not null)
        {
            request.Headers.Add(CloudPaymentsSignature.Header, signature);
        }

        return await gateway.Http.SendAsync(request);
    }
}
