using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Checkout.Web.Outbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Admin;

/// <summary>Events the worker gave up on: what failed, how often, why — and a button to send one again.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class DeadLettersController(ShopDbContext db, WriteTransactions writes, TimeProvider clock, IStringLocalizer<SharedResource> text) : Controller
{
    private const string Page = "~/Views/Admin/DeadLetters.cshtml";

    [HttpGet("/admin/dead-letters")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(Page, await DeadLettersAsync(ct));

    /// <summary>Back into the queue with a fresh count of attempts; the handler is idempotent, so this can't double anything.</summary>
    [HttpPost("/admin/dead-letters/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await writes.BeginAsync(db, ct);
        var revived = await db.OutboxMessages
            .Where(m => m.Id == id && m.DeadLetteredUtc != null && m.ProcessedUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeadLetteredUtc, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, now)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LockToken, (Guid?)null), ct);
        await transaction.CommitAsync(ct);
        if (revived != 1)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ViewData["Error"] = text["DeadLetterNotFound"].Value;
            return View(Page, await DeadLettersAsync(ct));
        }

        TempData["Flash"] = text["DeadLetterRequeued"].Value;
        return Redirect("/admin/dead-letters");
    }

    private Task<List<OutboxMessage>> DeadLettersAsync(CancellationToken ct) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeadLetteredUtc != null)
            .OrderByDescending(m => m.DeadLetteredUtc).ThenByDescending(m => m.Id)
            .Take(500)
            .ToListAsync(ct);
}
