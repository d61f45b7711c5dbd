using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Loyalty;
using Checkout.Web.Features.Payments;
using Checkout.Web.Infrastructure;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Checkout;

/// <summary>
/// The payment page and <c>POST /process_payment</c>. The endpoint answers JSON to the page's script
/// and a page to a plain form post (no JavaScript); both follow the same error tree, in SPEC's order.
/// </summary>
public sealed class PaymentController(
    ShopDbContext db,
    CartService carts,
    CheckoutService checkout,
    UserManager<ShopUser> users,
    IAntiforgery antiforgery,
    IOptions<CashOnDeliveryOptions> cashOnDelivery,
    PointsWallet wallet,
    OneClickPayment oneClick,
    SavedCards savedCards,
    IStringLocalizer<SharedResource> text) : Controller
{
    [Authorize]
    [HttpGet("/payment")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var cart = await carts.GetAsync(CartCookie.OwnerOf(HttpContext), ct);
        if (cart.IsEmpty)
        {
            return Redirect("/cart");
        }

        var userId = users.GetUserId(User)!;
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.DeliveryAddress != "", ct))
        {
            return Redirect("/checkout");
        }

        return View(await PageAsync(cart, userId, selectedCardId: null, error: null, ct));
    }

    [AllowAnonymous]
    [IgnoreAntiforgeryToken] // checked below, after the sign-in check, so a guest gets 401 as SPEC orders it
    [HttpPost("/process_payment")]
    [Idempotent]
    public async Task<IActionResult> Process(CancellationToken ct)
    {
        var userId = User.Identity?.IsAuthenticated == true ? users.GetUserId(User) : null;
        if (userId is null)
        {
            return Refuse(StatusCodes.Status401Unauthorized, text["LoginRequired"]);
        }

        PaymentRequest payment;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return Refuse(StatusCodes.Status400BadRequest, text["RequestInvalid"]);
            }

            payment = Request.HasFormContentType
                ? PaymentRequest.FromForm(await Request.ReadFormAsync(ct))
                : await PaymentRequest.FromJsonAsync(Request.Body, ct);
        }
        catch (Exception unreadable) when (unreadable is BadHttpRequestException or InvalidDataException or AntiforgeryValidationException or IOException)
        {
            var status = unreadable is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return Refuse(status, text["RequestInvalid"]);
        }

        if (!payment.IsKnownMethod)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["PaymentMethodUnknown"]);
        }

        if (payment.ExpectedTotalMalformed)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["ExpectedTotalInvalid"]);
        }

        if (payment.PointsMalformed)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["PointsInvalid"]);
        }

        var cartId = await carts.FindCartIdAsync(CartOwner.Shopper(userId), ct);
        var result = payment.Method switch
        {
            PaymentMethods.CashOnDelivery => await checkout.PayOnDeliveryAsync(userId, cartId, payment.ExpectedTotal, payment.Points, ct),
            PaymentMethods.Online when payment.SavedCardId is { } savedCardId =>
                await oneClick.PayAsync(userId, cartId, savedCardId, payment.ExpectedTotal, payment.Points, ct),
            PaymentMethods.Online => await checkout.PayOnlineAsync(userId, cartId, ReturnUrl, payment.ExpectedTotal, payment.Points, ct, payment.SaveCard),
            _ => await checkout.PayWithCardAsync(userId, cartId, payment.CardId, payment.ExpectedTotal, payment.Points, ct),
        };
        if (!result.Succeeded)
        {
            return await RefuseAsync(result, userId, payment, ct);
        }

        var (discount, pointsUsed) = (result.Priced!.Discount.WholeTenge, result.Priced.PointsUsed);
        switch (result.PaymentMethod)
        {
            case PaymentMethods.Free:
                var free = new FreeOrderPlaced("success", text["OrderPlacedFree"], PaymentMethods.Free, 0, result.OrderNumber!, discount, pointsUsed);
                return Request.HasFormContentType ? View("Free", free) : new JsonResult(free, ShopJson.Options);
            case PaymentMethods.Online when result.PaymentUrl is not null:
                var opened = new OnlinePaymentOpened(OrderStatus.AwaitingPayment.ToName(), text["OnlinePaymentOpened"], PaymentMethods.Online,
                    result.TotalPaid.WholeTenge, result.OrderNumber!, result.PaymentUrl!.AbsoluteUri, discount, pointsUsed);
                return Request.HasFormContentType ? SeeOther(opened.PaymentUrl) : new JsonResult(opened, ShopJson.Options);
            case PaymentMethods.CashOnDelivery:
                var placed = new OrderPlaced("success", text["OrderPlacedCashOnDelivery"], PaymentMethods.CashOnDelivery,
                    result.TotalPaid.WholeTenge, result.OrderNumber!, discount, pointsUsed);
                return Request.HasFormContentType ? View("Placed", placed) : new JsonResult(placed, ShopJson.Options);
            default:
                var paid = new PaymentSucceeded("success", text["PaymentSucceeded"],
                    result.PaymentMethod == PaymentMethods.Online ? null : result.NewBalance.WholeTenge,
                    result.TotalPaid.WholeTenge, result.OrderNumber!, discount, pointsUsed);
                return Request.HasFormContentType ? View("Paid", paid) : new JsonResult(paid, ShopJson.Options);
        }
    }

    private async Task<IActionResult> RefuseAsync(CheckoutResult result, string userId, PaymentRequest payment, CancellationToken ct)
    {
        var (status, message) = result.Error switch
        {
            CheckoutError.CouponRefused when result.Coupon is { } coupon => (StatusCodes.Status409Conflict,
                CouponMessages.For(coupon.Problem, text, coupon.MinSubtotal, coupon.ShortBy, coupon.ValidFromUtc)),
            CheckoutError.PointsOverLimit => (StatusCodes.Status400BadRequest, text["PointsOverLimit", Points(result.MaxPoints)].Value),
            CheckoutError.PointsNotEnough => (StatusCodes.Status400BadRequest, text["PointsNotEnough"].Value),
            CheckoutError.CartEmpty => (StatusCodes.Status400BadRequest, text["CartEmpty"].Value),
            CheckoutError.CardRequired => (StatusCodes.Status400BadRequest, text["CardRequired"].Value),
            CheckoutError.CardNotFound => (StatusCodes.Status404NotFound, text["CardNotFound"].Value),
            CheckoutError.CartChanged => (StatusCodes.Status409Conflict, text["CartChanged"].Value),
            CheckoutError.InsufficientFunds => (StatusCodes.Status400BadRequest, text["InsufficientFunds"].Value),
            CheckoutError.AddressRequired => (StatusCodes.Status400BadRequest, text["AddressRequired"].Value),
            CheckoutError.OutOfStock => (StatusCodes.Status409Conflict, text["OutOfStock", result.ProductName!, result.UnitsLeft].Value),
            CheckoutError.GatewayUnavailable => (StatusCodes.Status503ServiceUnavailable, text["OnlinePaymentUnavailable"].Value),
            CheckoutError.SavedCardNotFound => (StatusCodes.Status404NotFound, text["SavedCardNotFound"].Value),
            CheckoutError.SavedCardDeclined => (StatusCodes.Status402PaymentRequired, text["SavedCardDeclined"].Value),
            CheckoutError.CashOnDeliveryLimit => (StatusCodes.Status409Conflict,
                text["CashOnDeliveryLimit", Money.FromTenge(cashOnDelivery.Value.NewShopperMaxOpen)].Value),
            _ => throw new InvalidOperationException($"Unexpected checkout outcome {result.Error}."),
        };
        if (!Request.HasFormContentType)
        {
            return result switch
            {
                { Error: CheckoutError.CartChanged, Priced: { } now } => new JsonResult(
                    new CartChangedBody("error", message, now.Goods.WholeTenge, now.Delivery.WholeTenge, now.DueBeforePoints.WholeTenge, now.Discount.WholeTenge),
                    ShopJson.Options) { StatusCode = status },
                { Error: CheckoutError.PointsOverLimit } => new JsonResult(new PointsOverLimitBody("error", message, result.MaxPoints), ShopJson.Options)
                {
                    StatusCode = status,
                },
                _ => Refuse(status, message),
            };
        }

        var cart = await carts.GetAsync(CartCookie.OwnerOf(HttpContext), ct);
        if (cart.IsEmpty)
        {
            return Refuse(status, message);
        }

        Response.StatusCode = status;
        return View(nameof(Index), await PageAsync(cart, userId, payment.CardId, message, ct, payment.Points));
    }

    /// <summary>The shop's return page for an order, as the hosted page sends the shopper back to it.</summary>
    private Uri ReturnUrl(string orderNumber) => PaymentReturnController.UrlFor(Request, orderNumber);

    /// <summary>303: the browser follows a form post's answer with a GET (the hosted page).</summary>
    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private IActionResult Refuse(int status, string message) => Refusal.For(HttpContext, status, message);

    /// <summary>A number of points as the shop writes numbers: 925 990.</summary>
    private static string Points(long points) => points.ToString("#,0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = " " });

    private async Task<PaymentPage> PageAsync(CartView cart, string userId, int? selectedCardId, string? error, CancellationToken ct, long pointsRequested = 0)
    {
        var cards = await db.Cards
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.Id)
            .Select(c => new CardOption(c.Id, c.Name, new Money(c.BalanceTiyn)))
            .ToListAsync(ct);
        var available = await wallet.AvailableAsync(db, userId, ct);
        return new PaymentPage(cart.Priced, cards, selectedCardId, error, cart.Coupon, available, pointsRequested)
        {
            SavedCards = await savedCards.ListAsync(userId, ct),
        };
    }

}
