using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// Where the gateway's hosted page sends the shopper back: <c>/payment/return/{number}</c> asks the gateway while the
/// order still awaits its payment (and confirms it when paid), then says «paid», «declined — try again or choose another
/// way» or «waiting for the bank». <c>POST /payment/retry/{number}</c> opens a new payment of the same order at the
/// gateway while its window lasts.
/// </summary>
[Authorize]
public sealed class PaymentReturnController(
    ShopDbContext db, UserManager<ShopUser> users, PaymentNotifications notifications, IPaymentGateway gateway, PaymentSettlement settlement,
    TimeProvider clock) : Controller
{
    /// <summary>The return page of an order, as the gateway is told to send the shopper's browser back to it.</summary>
    public static Uri UrlFor(HttpRequest request, string number) =>
        new($"{request.Scheme}://{request.Host}/payment/return/{Uri.EscapeDataString(number)}");

    [HttpGet("/payment/return/{number}")]
    public async Task<IActionResult> Return(string number, CancellationToken ct)
    {
        var order = await MineAsync(number, ct);
        if (order is null)
        {
            return NotFound();
        }

        GatewayPaymentState? gatewaySays = null;
        if (order.Status == OrderStatus.AwaitingPayment)
        {
            gatewaySays = await notifications.SyncAsync(number, ct);
            order = (await MineAsync(number, ct))!;
        }

        var state = order.Status switch
        {
            OrderStatus.AwaitingPayment when gatewaySays is GatewayPaymentState.Declined or GatewayPaymentState.Cancelled => PaymentReturnState.Declined,
            OrderStatus.AwaitingPayment => PaymentReturnState.Waiting,
            OrderStatus.Cancelled when !order.Paid => PaymentReturnState.Expired,
            _ => PaymentReturnState.Paid,
        };
        var mayRetry = state == PaymentReturnState.Declined && order.PaymentDueUtc > clock.GetUtcNow().UtcDateTime;
        return View("~/Views/Payment/Return.cshtml", new PaymentReturnPage(number, order.Status, state, new Money(order.TotalTiyn), mayRetry));
    }

    [HttpPost("/payment/retry/{number}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Retry(string number, CancellationToken ct)
    {
        var order = await MineAsync(number, ct);
        if (order is null)
        {
            return NotFound();
        }

        if (order.Status != OrderStatus.AwaitingPayment || order.PaymentDueUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return Redirect($"/payment/return/{Uri.EscapeDataString(number)}");
        }

        var email = await db.Users.Where(u => u.Id == order.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var returnUrl = UrlFor(Request, number);
        var opened = await gateway.CreatePaymentAsync(new GatewayPaymentRequest(number, new Money(order.TotalTiyn), TengeAmount.Currency, number, email,
            returnUrl, SaveCard: false, AccountId: order.UserId), ct);
        if (!opened.Succeeded)
        {
            return Redirect($"/payment/return/{Uri.EscapeDataString(number)}");
        }

        await settlement.RecordAsync(number, PaymentAttemptKinds.Created, opened.Value!.GatewayOrderId, new Money(order.TotalTiyn), null, "retry", ct);
        Response.Headers.Location = opened.Value.PaymentUrl.AbsoluteUri;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<OrderAtReturn?> MineAsync(string number, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        return await db.Orders.AsNoTracking()
            .Where(o => o.Number == number && o.UserId == userId && o.PaymentMethod == PaymentMethods.Online)
            .Select(o => new OrderAtReturn(o.UserId, o.Status, o.TotalTiyn, o.PaymentDueUtc, o.Ledger.Any(e => e.Kind == LedgerEntryKinds.Charge)))
            .FirstOrDefaultAsync(ct);
    }

    private sealed record OrderAtReturn(string UserId, OrderStatus Status, long TotalTiyn, DateTime? PaymentDueUtc, bool Paid);
}

public enum PaymentReturnState
{
    Paid,
    Declined,
    Waiting,

    /// <summary>The window ended unpaid: the order was cancelled.</summary>
    Expired,
}

public sealed record PaymentReturnPage(string OrderNumber, OrderStatus Status, PaymentReturnState State, Money Total, bool MayRetry);
