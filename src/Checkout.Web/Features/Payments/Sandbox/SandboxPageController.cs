using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static Checkout.Web.Features.Payments.Gateway.CloudPaymentsWire;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// The hosted payment page the adapter's link leads to: a plain card form (no script needed) that charges the invoice's
/// amount, sends the notifications and returns the shopper's browser to the shop.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SandboxPageController(SandboxStore store, SandboxPayments payments, TimeProvider clock) : Controller
{
    private const string PagePath = SandboxRoutes.Prefix + "/pay/{id}";

    private const string PageView = "~/Features/Payments/Sandbox/Pay.cshtml";

    [HttpGet(PagePath)]
    public async Task<IActionResult> Show(string id, CancellationToken ct) =>
        await store.FindOrderAsync(id, ct) is { } order
            ? Page(order, new SandboxCardForm { SaveCard = order.SaveCard }, [])
            : NotFound();

    [HttpPost(PagePath)]
    public async Task<IActionResult> Pay(string id, [FromForm] SandboxCardForm form, CancellationToken ct)
    {
        if (await store.FindOrderAsync(id, ct) is not { } order)
        {
            return NotFound();
        }

        if (order.Paid)
        {
            return Redirect(order.SuccessUrl); // a second click, a reload: paid once, the shopper goes back
        }

        var (card, errors) = form.Read(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (card is null)
        {
            form.CardCvc = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(order, form, errors);
        }

        var settled = await payments.PayAsync(order, card, form.SaveCard, ct);
        return Redirect(settled is null or { Status: Statuses.Completed } ? order.SuccessUrl : order.FailUrl);
    }

    /// <summary>
    /// The card form, under a policy that lets its post lead back to the shop that sent the shopper (its return addresses),
    /// as the real gateway's page does: the shop may be on another origin than the gateway.
    /// </summary>
    private ViewResult Page(SandboxOrder order, SandboxCardForm form, IReadOnlyList<string> errors)
    {
        Response.Headers.ContentSecurityPolicy = SecurityHeaders.Policy(
            new[] { order.SuccessUrl, order.FailUrl }.Select(url => new Uri(url).GetLeftPart(UriPartial.Authority)).Distinct());
        return View(PageView, new SandboxPayPage(order, form, errors));
    }
}
