using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Checkout;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Orders;
using Checkout.Web.Features.Payments;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api.Orders;

/// <summary>
/// The shopper's orders over the API: placing one from a cart token (the checkout of <c>/process_payment</c>, with a
/// required <c>Idempotency-Key</c>), the list, an order with its timeline and ledger, cancel and return. Someone else's
/// order answers exactly as a number that names none.
/// </summary>
[Tags("Orders")]
[Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
public sealed class ApiOrdersController(
    ShopDbContext db,
    ApiCarts carts,
    CheckoutService checkout,
    OrderLifecycle lifecycle,
    IOptions<CashOnDeliveryOptions> cashOnDelivery,
    IStringLocalizer<SharedResource> text) : ApiController
{
    public const int MaxPageSize = 100;

    private string ShopperId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Places an order from a cart and pays it by card, for cash on delivery, or online on the gateway's hosted page.</summary>
    /// <remarks>
    /// The same checkout as the pages': one transaction, the same refusals, each changing nothing. The
    /// <c>Idempotency-Key</c> header is required: a repeat with the same key and body gets the first answer again
    /// (<c>Idempotent-Replayed: true</c>) and is never charged twice. An online order is placed <c>awaiting_payment</c>
    /// with the hosted page's <c>payment_url</c>; the gateway unreachable is a 503 and nothing is held.
    /// </remarks>
    [HttpPost("/api/v1/orders")]
    [Idempotent(Required = true)]
    [EndpointName("PlaceOrder")]
    [ProducesResponseType<PlacedOrder>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ApiProblem.ContentType)]
    public async Task<IActionResult> Place(PlaceOrderRequest request, CancellationToken ct)
    {
        var method = request.Payment!.Method;
        if (method is not (PaymentMethods.Card or PaymentMethods.CashOnDelivery or PaymentMethods.Online))
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiCodes.PaymentMethodUnknown, text["PaymentMethodUnknown"]);
        }

        var cart = await carts.ResolveAsync(request.CartToken, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        Money? expected = request.ExpectedTotal is { } tiyn ? new Money(tiyn) : null;
        var points = request.Points ?? 0;
        var result = method switch
        {
            PaymentMethods.Card => await checkout.PayWithCardAsync(ShopperId, cart.CartId, request.Payment.CardId, expected, points, ct),
            PaymentMethods.Online => await checkout.PayOnlineAsync(ShopperId, cart.CartId, ReturnUrl, expected, points, ct),
            _ => await checkout.PayOnDeliveryAsync(ShopperId, cart.CartId, expected, points, ct),
        };
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        var charged = result.PaymentMethod == PaymentMethods.Card; // a free order touched no card, whatever was asked
        var online = result.PaymentMethod == PaymentMethods.Online;
        var placed = new PlacedOrder(result.OrderNumber!, (online ? OrderStatus.AwaitingPayment : OrderStatus.Pending).ToName(), Currency,
            result.TotalPaid.Tiyn, result.PaymentMethod, charged ? request.Payment.CardId : null, charged ? result.NewBalance.Tiyn : null,
            result.Priced!.Discount.Tiyn, result.Priced.PointsUsed, online ? result.PaymentUrl!.AbsoluteUri : null);
        return Created(PathOf(placed.Number), placed);
    }

    /// <summary>The shopper's orders, newest first, a page at a time.</summary>
    [HttpGet("/api/v1/orders")]
    [EndpointName("ListOrders")]
    [ProducesResponseType<OrderList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    public async Task<ActionResult<OrderList>> List(
        [FromQuery, Range(1, int.MaxValue)] int page = 1,
        [FromQuery(Name = "page_size"), Range(1, MaxPageSize)] int pageSize = 20,
        CancellationToken ct = default)
    {
        var mine = db.Orders.Where(o => o.UserId == ShopperId);
        var totalItems = await mine.CountAsync(ct);
        var skip = (long)(page - 1) * pageSize;
        var rows = skip >= totalItems
            ? []
            : await mine
                .OrderByDescending(o => o.CreatedUtc).ThenByDescending(o => o.Id)
                .Skip((int)skip).Take(pageSize)
                .Select(o => new { o.Number, o.CreatedUtc, o.Status, o.TotalTiyn, Units = o.Lines.Sum(l => l.Quantity) })
                .ToListAsync(ct);
        var items = rows
            .Select(o => new OrderListItem(o.Number, OrderViews.Utc(o.CreatedUtc), o.Status.ToName(), Currency, o.TotalTiyn, o.Units))
            .ToList();
        return new OrderList(items, page, pageSize, totalItems, (totalItems + pageSize - 1) / pageSize);
    }

    /// <summary>An order: lines, recipient, totals, timeline, ledger, return request, and what the shopper may do now.</summary>
    [HttpGet("/api/v1/orders/{number}")]
    [EndpointName("GetOrder")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public async Task<IActionResult> Get(string number, CancellationToken ct) => await AnswerAsync(number, ct);

    /// <summary>Cancels the order: a card payment goes back to its card, the units back on the shelf.</summary>
    /// <remarks>An <c>Idempotency-Key</c> is honoured: a repeat with the same key replays the first answer.</remarks>
    [HttpPost("/api/v1/orders/{number}/cancel")]
    [Idempotent]
    [EndpointName("CancelOrder")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    public async Task<IActionResult> Cancel(string number, CancellationToken ct) =>
        await StepAsync(number, await lifecycle.MoveAsync(number, OrderStatus.Cancelled, Me(), ct), ct);

    /// <summary>Asks to return a delivered or completed order (once per order); an admin decides it.</summary>
    /// <remarks>An <c>Idempotency-Key</c> is honoured: a repeat with the same key replays the first answer.</remarks>
    [HttpPost("/api/v1/orders/{number}/return")]
    [Idempotent]
    [EndpointName("RequestOrderReturn")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    public async Task<IActionResult> RequestReturn(
        string number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReturnOrderRequest? request, CancellationToken ct) =>
        await StepAsync(number, await lifecycle.RequestReturnAsync(number, request?.Reason, Me(), ct), ct);

    private Uri ReturnUrl(string orderNumber) => PaymentReturnController.UrlFor(Request, orderNumber);

    private static string PathOf(string number) => $"/api/v1/orders/{Uri.EscapeDataString(number)}";

    private Actor Me() => new(Actors.Shopper, ShopperId, User.Identity?.Name);

    private async Task<IActionResult> AnswerAsync(string number, CancellationToken ct) =>
        await OrderPages.LoadAsync(db, number, ShopperId, ct) is { } details ? Ok(OrderViews.For(details)) : OrderNotFound();

    /// <summary>Another shopper's order and a number that names none get the same answer: no telling which exist.</summary>
    private ObjectResult OrderNotFound() => Refuse(StatusCodes.Status404NotFound, ApiCodes.OrderNotFound);

    private async Task<IActionResult> StepAsync(string number, TransitionResult result, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return await AnswerAsync(number, ct);
        }

        if (result.Outcome == TransitionOutcome.NotFound)
        {
            return OrderNotFound();
        }

        var (status, message) = TransitionMessages.Refusal(result, text);
        var code = result.Outcome switch
        {
            TransitionOutcome.Lost => ApiCodes.TransitionLost,
            TransitionOutcome.ReturnAlreadyRequested => ApiCodes.ReturnAlreadyRequested,
            TransitionOutcome.ReturnReasonRequired => ApiCodes.ReturnReasonRequired,
            _ => ApiCodes.TransitionRefused,
        };
        return Refuse(status, code, message);
    }

    /// <summary>A refused checkout, with the statuses and texts of <c>/process_payment</c>, and the amounts in tiyn.</summary>
    private ObjectResult Refused(CheckoutResult result) => result.Error switch
    {
        CheckoutError.CartEmpty => Refuse(StatusCodes.Status400BadRequest, ApiCodes.CartEmpty, text["CartEmpty"]),
        CheckoutError.CardRequired => Refuse(StatusCodes.Status400BadRequest, ApiCodes.CardRequired, text["CardRequired"]),
        CheckoutError.CardNotFound => Refuse(StatusCodes.Status404NotFound, ApiCodes.CardNotFound, text["CardNotFound"]),
        CheckoutError.CartChanged when result.Priced is { } now => Refuse(StatusCodes.Status409Conflict, ApiCodes.CartChanged, text["CartChanged"],
            new Dictionary<string, object?>
            {
                ["subtotal"] = now.Goods.Tiyn, ["delivery"] = now.Delivery.Tiyn, ["total"] = now.DueBeforePoints.Tiyn, ["currency"] = Currency,
            }),
        CheckoutError.InsufficientFunds => Refuse(StatusCodes.Status400BadRequest, ApiCodes.InsufficientFunds, text["InsufficientFunds"]),
        CheckoutError.AddressRequired => Refuse(StatusCodes.Status400BadRequest, ApiCodes.AddressRequired, text["AddressRequired"]),
        CheckoutError.OutOfStock => Refuse(StatusCodes.Status409Conflict, ApiCodes.OutOfStock, text["OutOfStock", result.ProductName!, result.UnitsLeft],
            new Dictionary<string, object?> { ["product_name"] = result.ProductName, ["available"] = result.UnitsLeft }),
        CheckoutError.CashOnDeliveryLimit => CashLimit(Money.FromTenge(cashOnDelivery.Value.NewShopperMaxOpen)),
        CheckoutError.CouponRefused when result.Coupon is { } coupon => Refuse(StatusCodes.Status422UnprocessableEntity,
            CouponProblems.CodeFor(coupon.Problem), CouponMessages.For(coupon.Problem, text, coupon.MinSubtotal, coupon.ShortBy, coupon.ValidFromUtc),
            CouponProblems.Extensions(coupon.ShortBy)),
        CheckoutError.PointsOverLimit => Refuse(StatusCodes.Status400BadRequest, ApiCodes.PointsOverLimit,
            text["PointsOverLimit", result.MaxPoints], new Dictionary<string, object?> { ["max_points"] = result.MaxPoints }),
        CheckoutError.PointsNotEnough => Refuse(StatusCodes.Status400BadRequest, ApiCodes.PointsNotEnough, text["PointsNotEnough"]),
        CheckoutError.GatewayUnavailable => Refuse(StatusCodes.Status503ServiceUnavailable, ApiCodes.GatewayUnavailable, text["OnlinePaymentUnavailable"]),
        _ => throw new InvalidOperationException($"Unexpected checkout outcome {result.Error}."),
    };

    private ObjectResult CashLimit(Money limit) =>
        Refuse(StatusCodes.Status409Conflict, ApiCodes.CashOnDeliveryLimit, text["CashOnDeliveryLimit", limit],
            new Dictionary<string, object?> { ["limit"] = limit.Tiyn, ["currency"] = Currency });
}
