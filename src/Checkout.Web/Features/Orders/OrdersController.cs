using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Orders;

/// <summary>The shopper's orders: history, a page per order with its timeline, cancel and return.</summary>
[Authorize]
public sealed class OrdersController(ShopDbContext db, OrderLifecycle lifecycle, UserManager<ShopUser> users, IStringLocalizer<SharedResource> text)
    : Controller
{
    [HttpGet("/orders")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var orders = await db.Orders
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedUtc).ThenByDescending(o => o.Id)
            .Select(o => new OrderSummary(o.Number, o.CreatedUtc, o.Status, new Money(o.TotalTiyn), o.Lines.Sum(l => l.Quantity)))
            .ToListAsync(ct);
        return View(orders);
    }

    /// <summary>An order's page; <c>?placed=true</c> (where the payment page lands) heads it with the receipt of its placing.</summary>
    [HttpGet("/orders/{number}")]
    public async Task<IActionResult> Details(string number, [FromQuery] bool placed, CancellationToken ct)
    {
        var details = await OrderPages.LoadAsync(db, number, users.GetUserId(User), ct);
        return details is null ? NotFound() : View(details with { ShowReceipt = placed });
    }

    [HttpPost("/orders/{number}/cancel")]
    [Idempotent] // refunds and cash move money: a repeated request with its key replays the first answer
    public async Task<IActionResult> Cancel(string number, CancellationToken ct)
    {
        var result = await lifecycle.MoveAsync(number, OrderStatus.Cancelled, Me(), ct);
        return await RespondAsync(number, result, result.Succeeded ? await CancelledMessageAsync(number, ct) : "OrderCancelled", ct);
    }

    /// <summary>
    /// What the shopper hears went back: nothing when nothing was taken (cash before the courier, an online order never
    /// paid, a free one), a card's money at once, an online payment's once the gateway confirms its refund (the outbox asks it).
    /// </summary>
    private async Task<string> CancelledMessageAsync(string number, CancellationToken ct)
    {
        var order = await db.Orders.Where(o => o.Number == number)
            .Select(o => new { o.PaymentMethod, Charged = db.LedgerEntries.Any(e => e.OrderId == o.Id && e.Kind == LedgerEntryKinds.Charge) })
            .SingleAsync(ct);
        return !order.Charged ? "NothingTakenOrderCancelled" : order.PaymentMethod == PaymentMethods.Online ? "OnlineOrderCancelled" : "OrderCancelled";
    }

    [HttpPost("/orders/{number}/return")]
    [Idempotent]
    public async Task<IActionResult> RequestReturn(string number, [FromForm] string? reason, CancellationToken ct) =>
        await RespondAsync(number, await lifecycle.RequestReturnAsync(number, reason, Me(), ct), "ReturnRequested", ct);

    private Actor Me() => new(Actors.Shopper, users.GetUserId(User), User.Identity?.Name);

    private async Task<IActionResult> RespondAsync(string number, TransitionResult result, string doneMessage, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = text[doneMessage].Value;
            return Redirect($"/orders/{Uri.EscapeDataString(number)}");
        }

        var (status, message) = TransitionMessages.Refusal(result, text);
        var details = await OrderPages.LoadAsync(db, number, users.GetUserId(User), ct);
        if (details is null)
        {
            return NotFound();
        }

        Response.StatusCode = status;
        ViewData["Error"] = message;
        return View(nameof(Details), details);
    }
}

public sealed record OrderSummary(string Number, DateTime CreatedUtc, OrderStatus Status, Money Total, int ItemCount);
