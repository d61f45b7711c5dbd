using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Testing;

/// <summary>Orders driven over HTTP as shoppers and admins do it: place, move through states, read back.</summary>
public static class OrderFlows
{
    public const string AdminEmail = "admin@checkout.local";
    public const string AdminPassword = "Admin123!";

    /// <summary>Product 18, Xiaomi Redmi Buds 6 Pro: 29 990 ₸, 200 in stock — cheap enough for many orders.</summary>
    public const int CheapProduct = 18;

    public static readonly Money CheapTotal = Money.FromTenge(29_990 + 1_500);

    public static Task<Shopper> AdminAsync(ShopFactory shop) => shop.SignedInAsync(AdminEmail, AdminPassword);

    /// <summary>The demo shopper, signed in, with two iPhones (product 1) in the cart unless told otherwise.</summary>
    public static async Task<Shopper> ShopperWithCartAsync(ShopFactory shop, int productId = 1, int quantity = 2)
    {
        var shopper = await shop.SignedInAsync();
        (await shopper.AddToCartAsync(productId, quantity)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return shopper;
    }

    /// <summary>Adds to the cart and pays by card (or cash on delivery when <paramref name="cardId"/> is null); returns the order number.</summary>
    public static async Task<string> PlaceAsync(Shopper shopper, int? cardId = SeededCards.DemoKaspiGold, int productId = CheapProduct, int quantity = 1)
    {
        (await shopper.AddToCartAsync(productId, quantity)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        object body = cardId is { } id ? new { card_id = id } : new { payment_method = "cash_on_delivery" };
        var response = await shopper.PayAsync(body);
        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Json);
        return answer.OrderNumber!;
    }

    public static Task<HttpResponseMessage> SetStatusAsync(Shopper admin, string number, OrderStatus status) =>
        SetStatusAsync(admin, number, status.ToName());

    /// <summary>Posts the status form with any name, known or not.</summary>
    public static Task<HttpResponseMessage> SetStatusAsync(Shopper admin, string number, string status) =>
        admin.PostFormAsync($"/admin/orders/{number}/status", new Dictionary<string, string> { ["status"] = status });

    public static Task<HttpResponseMessage> CancelAsync(Shopper shopper, string number) =>
        shopper.PostFormAsync($"/orders/{number}/cancel", new Dictionary<string, string>());

    public static Task<HttpResponseMessage> RequestReturnAsync(Shopper shopper, string number, string reason = "Құлаққап дұрыс жұмыс істемейді") =>
        shopper.PostFormAsync($"/orders/{number}/return", new Dictionary<string, string> { ["reason"] = reason });

    public static Task<HttpResponseMessage> ApproveAsync(Shopper admin, string number) =>
        admin.PostFormAsync($"/admin/returns/{number}/approve", new Dictionary<string, string>());

    public static Task<HttpResponseMessage> RejectAsync(Shopper admin, string number) =>
        admin.PostFormAsync($"/admin/returns/{number}/reject", new Dictionary<string, string>());

    /// <summary>Drives a freshly placed order to <paramref name="status"/> along legal steps, each expected to succeed.</summary>
    public static async Task DriveToAsync(Shopper shopper, Shopper admin, string number, OrderStatus status)
    {
        var steps = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Processing => [OrderStatus.Processing],
            OrderStatus.Shipped => [OrderStatus.Processing, OrderStatus.Shipped],
            OrderStatus.Delivered => [OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered],
            OrderStatus.Completed => [OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed],
            OrderStatus.Cancelled or OrderStatus.ReturnRequested or OrderStatus.Refunded => Array.Empty<OrderStatus>(),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        foreach (var step in steps)
        {
            (await SetStatusAsync(admin, number, step)).StatusCode.Should().Be(HttpStatusCode.Redirect, $"{number} → {step}");
        }

        switch (status)
        {
            case OrderStatus.Cancelled:
                (await CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
                break;
            case OrderStatus.ReturnRequested or OrderStatus.Refunded:
                await DriveToAsync(shopper, admin, number, OrderStatus.Delivered);
                (await RequestReturnAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
                if (status == OrderStatus.Refunded)
                {
                    (await ApproveAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
                }

                break;
        }
    }

    public static async Task<OrderStatus> StatusAsync(ShopFactory shop, string number)
    {
        await using var db = shop.OpenDatabase();
        return await db.Orders.Where(o => o.Number == number).Select(o => o.Status).SingleAsync();
    }

    /// <summary>The state the order page shows: its English name in <c>data-status</c>, next to the Kazakh label.</summary>
    public static async Task<(string Status, string Label)> PageStatusAsync(Shopper viewer, string path)
    {
        var page = await viewer.GetPageAsync(path);
        var status = page.QuerySelector(".order-status")!;
        return (status.GetAttribute("data-status")!, status.TextContent);
    }
}
