using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// The gateway's notifications: <c>POST /payments/cloudpayments/{check,pay,fail,refund}</c>. The raw body's signature is
/// checked first; a notification that isn't believed is answered 401 and logged, and changes nothing. A believed one is
/// answered <c>{"code":N}</c> (0 accepts; anything else makes the gateway try again, or decline a Check).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // the gateway signs its posts; it has no antiforgery token
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class PaymentNotificationsController(
    IPaymentGateway gateway, PaymentNotifications notifications, IStringLocalizer<SharedResource> text, ILogger<PaymentNotificationsController> log) : Controller
{
    // No parameters to bind: binding any would read the form first, and the signature is over the raw body.
    [HttpPost("/payments/cloudpayments/{kind}")]
    public async Task<IActionResult> Notify()
    {
        var ct = HttpContext.RequestAborted;
        var kind = RouteData.Values["kind"] as string;
        // By name only: Enum.TryParse would also take "1" for Pay.
        if (kind is null || !kind.All(char.IsAsciiLetter) || !Enum.TryParse<NotificationKind>(kind, ignoreCase: true, out var notificationKind))
        {
            return NotFound();
        }

        using var body = new MemoryStream();
        await Request.Body.CopyToAsync(body, ct);
        var check = gateway.VerifyNotification(notificationKind, body.ToArray(), Request.Headers);
        if (!check.Verified)
        {
            LogRefused(log, notificationKind, check.Refusal, HttpContext.Connection.RemoteIpAddress?.ToString());
            // The shop's error envelope, with the code the gateway reads.
            return new JsonResult(new { status = "error", message = text["NotificationRefused"].Value, code = (int)NotificationAnswer.CannotAccept }, ShopJson.Options)
            {
                StatusCode = StatusCodes.Status401Unauthorized,
            };
        }

        var answer = await notifications.AnswerAsync(check.Notification!, ct);
        LogAnswered(log, notificationKind, check.Notification!.InvoiceId, check.Notification.TransactionId, (int)answer);
        return Json(new { code = (int)answer });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Kind} notification: {Refusal} (from {Client}); nothing changed")]
    private static partial void LogRefused(ILogger logger, NotificationKind kind, NotificationRefusal? refusal, string? client);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} notification for invoice {InvoiceId}, transaction {TransactionId}: answered {Code}")]
    private static partial void LogAnswered(ILogger logger, NotificationKind kind, string? invoiceId, string transactionId, int code);
}
