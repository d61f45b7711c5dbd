using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Orders;

[Authorize]
public sealed class OrdersController(ShopDbContext db, UserManager<ShopUser> users) : Controller
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

    [HttpGet("/orders/{number}")]
    public async Task<IActionResult> Details(string number, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var order = await db.Orders
            .Include(o => o.Lines)
            .AsNoTracking()
            .FirstOrDefaultAsync(o => o.Number == number && o.UserId == userId, ct);
        if (order is null)
        {
            return NotFound();
        }

        var cardName = await db.Cards.Where(c => c.Id == order.CardId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return View(new OrderDetails(order, cardName));
    }
}

public sealed record OrderSummary(string Number, DateTime CreatedUtc, string Status, Money Total, int ItemCount);

public sealed record OrderDetails(Order Order, string? CardName);
