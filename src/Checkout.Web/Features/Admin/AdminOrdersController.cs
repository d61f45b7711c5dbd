using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Checkout.Web.Features.Orders;
using Checkout.Web.Infrastructure;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Admin;

/// <summary>The admin's orders: a dashboard, the list with filters by state and date, an order's page and its transitions.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class AdminOrdersController(
    ShopDbContext db, OrderLifecycle lifecycle, UserManager<ShopUser> users, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : Controller
{
    private const int PageSize = 200;

    [HttpGet("/admin")]
    public async Task<IActionResult> Dashboard(CancellationToken ct)
    {
        var counts = await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var products = await db.Products.CountAsync(ct);
        var todayUtc = ShopTime.StartOfDayUtc(ShopTime.Date(clock.GetUtcNow().UtcDateTime));
        var outcomes = await db.PaymentAttempts
            .Where(a => a.CreatedUtc >= todayUtc && (a.Kind == PaymentAttemptKinds.Paid || a.Kind == PaymentAttemptKinds.Declined))
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var payments = new PaymentSuccessRate(outcomes.GetValueOrDefault(PaymentAttemptKinds.Paid), outcomes.GetValueOrDefault(PaymentAttemptKinds.Declined));
        return View("~/Views/Admin/Dashboard.cshtml", new AdminDashboard(counts, products, payments));
    }

    [HttpGet("/admin/orders")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken ct)
    {
        var query = db.Orders.AsQueryable();
        var shown = OrderStatusNames.Parse(status);
        if (shown.IsKnown())
        {
            query = query.Where(o => o.Status == shown);
        }

        if (from is { } first)
        {
            var fromUtc = ShopTime.StartOfDayUtc(first);
            query = query.Where(o => o.CreatedUtc >= fromUtc);
        }

        if (to is { } last)
        {
            var toUtc = last == DateOnly.MaxValue ? ShopTime.StartOfDayUtc(last) : ShopTime.StartOfDayUtc(last.AddDays(1));
            query = query.Where(o => o.CreatedUtc < toUtc);
        }

        var orders = await query
            .OrderByDescending(o => o.CreatedUtc).ThenByDescending(o => o.Id)
            .Take(PageSize)
            .Select(o => new AdminOrderRow(o.Number, o.CreatedUtc, o.Status, o.PaymentMethod, new Money(o.TotalTiyn),
                db.Users.Where(u => u.Id == o.UserId).Select(u => u.Email).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        return View("~/Views/Admin/Orders.cshtml", new AdminOrderList(orders, shown.IsKnown() ? shown : null, from, to));
    }

    [HttpGet("/admin/orders/{number}")]
    public async Task<IActionResult> Details(string number, CancellationToken ct)
    {
        var details = await OrderPages.LoadAsync(db, number, userId: null, ct);
        if (details is null)
        {
            return NotFound();
        }

        ViewData["PaymentAttempts"] = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.OrderId == details.Order.Id)
            .OrderBy(a => a.Id)
            .Select(a => new AdminPaymentAttempt(a.Kind, a.InvoiceId, a.TransactionId, new Money(a.AmountTiyn), a.Code, a.Note, a.CreatedUtc))
            .ToListAsync(ct);
        return View("~/Views/Admin/Order.cshtml", details);
    }

    [HttpPost("/admin/orders/{number}/status")]
    [Idempotent] // refunds and cash move money: a repeated request with its key replays the first answer
    public async Task<IActionResult> SetStatus(string number, [FromForm] string? status, CancellationToken ct)
    {
        var to = OrderStatusNames.Parse(status);
        if (!Order.AdminSettable.Contains(to))
        {
            return await RefuseAsync(number, StatusCodes.Status400BadRequest, text["StatusUnknown"].Value, ct);
        }

        var result = await lifecycle.MoveAsync(number, to, AdminActor.Of(User, users), ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = text["StatusChanged", text["Status_" + to.ToName()].Value].Value;
            return Redirect($"/admin/orders/{Uri.EscapeDataString(number)}");
        }

        var (code, message) = TransitionMessages.Refusal(result, text);
        return await RefuseAsync(number, code, message, ct);
    }

    private async Task<IActionResult> RefuseAsync(string number, int status, string message, CancellationToken ct)
    {
        var details = await OrderPages.LoadAsync(db, number, userId: null, ct);
        if (details is null)
        {
            return NotFound();
        }

        Response.StatusCode = status;
        ViewData["Error"] = message;
        return View("~/Views/Admin/Order.cshtml", details);
    }
}
