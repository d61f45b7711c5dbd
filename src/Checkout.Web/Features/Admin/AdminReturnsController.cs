using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Checkout.Web.Features.Orders;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Admin;

/// <summary>The returns queue: requests waiting for a decision first, then the latest decided ones.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class AdminReturnsController(ShopDbContext db, OrderLifecycle lifecycle, UserManager<ShopUser> users, IStringLocalizer<SharedResource> text)
    : Controller
{
    [HttpGet("/admin/returns")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("~/Views/Admin/Returns.cshtml", await QueueAsync(ct));

    [HttpPost("/admin/returns/{number}/approve")]
    [Idempotent] // refunds and cash move money: a repeated request with its key replays the first answer
    public async Task<IActionResult> Approve(string number, CancellationToken ct) =>
        await RespondAsync(await lifecycle.DecideReturnAsync(number, approve: true, AdminActor.Of(User, users), ct), "ReturnApproved", ct);

    [HttpPost("/admin/returns/{number}/reject")]
    [Idempotent]
    public async Task<IActionResult> Reject(string number, CancellationToken ct) =>
        await RespondAsync(await lifecycle.DecideReturnAsync(number, approve: false, AdminActor.Of(User, users), ct), "ReturnRejected", ct);

    private async Task<IActionResult> RespondAsync(TransitionResult result, string doneMessage, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = text[doneMessage].Value;
            return Redirect("/admin/returns");
        }

        var (status, message) = TransitionMessages.Refusal(result, text);
        Response.StatusCode = status;
        ViewData["Error"] = message;
        return View("~/Views/Admin/Returns.cshtml", await QueueAsync(ct));
    }

    private Task<List<AdminReturnRow>> QueueAsync(CancellationToken ct) =>
        (from r in db.Returns
         join o in db.Orders on r.OrderId equals o.Id
         orderby r.Status == ReturnStatus.Requested descending, r.RequestedUtc descending
         select new AdminReturnRow(o.Number, db.Users.Where(u => u.Id == o.UserId).Select(u => u.Email).FirstOrDefault() ?? "",
             new Money(o.TotalTiyn), r.Reason, r.RequestedUtc, r.Status, o.Status, r.DecidedBy))
        .Take(200)
        .ToListAsync(ct);
}
