using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Admin;

/// <summary>
/// The admin's coupons: the list with how often each was used, create, edit, deactivate. A coupon is never deleted
/// (its orders name it); its use count is the checkout's alone, and an edit can't set the total limit below it.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class AdminCouponsController(ShopDbContext db, WriteTransactions writes, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : Controller
{
    [HttpGet("/admin/coupons")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var coupons = await db.Coupons
            .AsNoTracking()
            .OrderBy(c => c.Code)
            .Select(c => new AdminCouponRow(c, db.Orders.Count(o => o.CouponId == c.Id && o.Status != OrderStatus.Cancelled)))
            .ToListAsync(ct);
        return View("~/Views/Admin/Coupons.cshtml", coupons);
    }

    [HttpGet("/admin/coupons/new")]
    public IActionResult New() => FormView(null, new CouponForm());

    [HttpPost("/admin/coupons/new")]
    public async Task<IActionResult> Create(CouponForm? form, CancellationToken ct)
    {
        form ??= new CouponForm();
        await CheckAsync(form, id: null, ct);
        if (!ModelState.IsValid)
        {
            return Invalid(null, form);
        }

        await using var transaction = await writes.BeginAsync(db, ct);
        var coupon = new Coupon { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        form.CopyTo(coupon);
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = text["CouponSaved"].Value;
        return Redirect("/admin/coupons");
    }

    [HttpGet("/admin/coupons/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return coupon is null ? NotFound() : FormView(coupon, CouponForm.Of(coupon));
    }

    [HttpPost("/admin/coupons/{id:int}")]
    public async Task<IActionResult> Update(int id, CouponForm? form, CancellationToken ct)
    {
        form ??= new CouponForm();
        var current = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (current is null)
        {
            return NotFound();
        }

        await CheckAsync(form, id, ct);
        if (!ModelState.IsValid)
        {
            return Invalid(current, form);
        }

        var edited = new Coupon();
        form.CopyTo(edited);
        await using var transaction = await writes.BeginAsync(db, ct);
        // One guarded statement: the limit never below the uses counted by then (a checkout may have taken one meanwhile).
        var limit = edited.UsageLimit;
        var saved = await db.Coupons
            .Where(c => c.Id == id && (limit == null || c.Used <= limit))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Code, edited.Code)
                .SetProperty(c => c.Kind, edited.Kind)
                .SetProperty(c => c.Percent, edited.Percent)
                .SetProperty(c => c.AmountTiyn, edited.AmountTiyn)
                .SetProperty(c => c.FreeDelivery, edited.FreeDelivery)
                .SetProperty(c => c.MinSubtotalTiyn, edited.MinSubtotalTiyn)
                .SetProperty(c => c.ValidFromUtc, edited.ValidFromUtc)
                .SetProperty(c => c.ValidUntilUtc, edited.ValidUntilUtc)
                .SetProperty(c => c.UsageLimit, edited.UsageLimit)
                .SetProperty(c => c.PerShopperLimit, edited.PerShopperLimit)
                .SetProperty(c => c.Active, edited.Active), ct);
        if (saved != 1)
        {
            var used = await db.Coupons.Where(c => c.Id == id).Select(c => c.Used).FirstAsync(ct);
            ModelState.AddModelError(nameof(form.UsageLimit), text["CouponLimitBelowUsed", used].Value);
            return Invalid(current, form, StatusCodes.Status409Conflict);
        }

        await transaction.CommitAsync(ct);
        TempData["Flash"] = text["CouponSaved"].Value;
        return Redirect("/admin/coupons");
    }

    [HttpPost("/admin/coupons/{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        if (await db.Coupons.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false), ct) != 1)
        {
            return NotFound();
        }

        await transaction.CommitAsync(ct);
        TempData["Flash"] = text["CouponDeactivated"].Value;
        return Redirect("/admin/coupons");
    }

    /// <summary>What annotations can't check: the code's shape and that it is free, the kind's amount, the dates' order.</summary>
    private async Task CheckAsync(CouponForm form, int? id, CancellationToken ct)
    {
        var code = Coupon.Normalize(form.Code);
        if (!Coupon.IsWellFormed(code))
        {
            ModelState.AddModelError(nameof(form.Code), text["CouponCodeInvalid"].Value);
        }
        else if (await db.Coupons.AnyAsync(c => c.Code == code && c.Id != id, ct))
        {
            ModelState.AddModelError(nameof(form.Code), text["CouponCodeTaken"].Value);
        }

        switch (form.Kind)
        {
            case CouponKinds.Percent when form.Percent is not (>= 1 and <= 100):
                ModelState.AddModelError(nameof(form.Percent), text["CouponPercentInvalid"].Value);
                break;
            case CouponKinds.Fixed when form.Amount is not (>= 1 and <= 100_000_000_000):
                ModelState.AddModelError(nameof(form.Amount), text["CouponAmountInvalid"].Value);
                break;
            case CouponKinds.Percent or CouponKinds.Fixed:
                break;
            default:
                ModelState.AddModelError(nameof(form.Kind), text["CouponKindInvalid"].Value);
                form.Kind = CouponKinds.Percent;
                break;
        }

        if (form.ValidFrom is { } from && form.ValidTo is { } to && to < from)
        {
            ModelState.AddModelError(nameof(form.ValidTo), text["CouponDatesInvalid"].Value);
        }

        if (form.ValidTo is { } last && last >= DateOnly.MaxValue.AddDays(-1) || form.ValidFrom is { } first && first <= DateOnly.MinValue.AddDays(1))
        {
            ModelState.AddModelError(nameof(form.ValidTo), text["CouponDatesInvalid"].Value);
        }
    }

    private ViewResult Invalid(Coupon? coupon, CouponForm form, int status = StatusCodes.Status400BadRequest)
    {
        Response.StatusCode = status;
        return FormView(coupon, form);
    }

    private ViewResult FormView(Coupon? coupon, CouponForm form)
    {
        ViewData["CouponId"] = coupon?.Id;
        ViewData["CouponUsed"] = coupon?.Used ?? 0;
        return View("~/Views/Admin/CouponForm.cshtml", form);
    }
}
