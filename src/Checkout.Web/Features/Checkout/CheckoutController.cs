using System.ComponentModel.DataAnnotations;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Checkout;

[Authorize]
public sealed class CheckoutController(
    CartService carts, UserManager<ShopUser> users, SignInManager<ShopUser> signIn, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("/checkout")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var cart = await carts.GetAsync(CartCookie.OwnerOf(HttpContext), ct);
        if (cart.IsEmpty)
        {
            return Redirect("/cart");
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return View(new CheckoutPage(cart, new DeliveryForm
        {
            FullName = user.FullName,
            Phone = user.PhoneNumber ?? "",
            DeliveryAddress = user.DeliveryAddress,
        }));
    }

    /// <summary>
    /// Saves the recipient and address; with <c>next=payment</c> («Төлем жасауға өту», a button of this same form) goes
    /// on to the payment page, so what was typed is what the order ships to. Bad input stops the shopper here, saying why.
    /// </summary>
    [HttpPost("/checkout/address")]
    public async Task<IActionResult> SaveAddress(DeliveryForm? form, [FromForm] string? next, CancellationToken ct)
    {
        form ??= new DeliveryForm(); // an unreadable body binds nothing; ModelState says why
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new CheckoutPage(await carts.GetAsync(CartCookie.OwnerOf(HttpContext), ct), form));
        }

        var renamed = user.FullName != form.FullName.Trim();
        user.FullName = form.FullName.Trim();
        user.PhoneNumber = form.Phone.Trim();
        user.DeliveryAddress = form.DeliveryAddress.Trim();
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            // Changed meanwhile (another tab saved first): say so rather than go on to pay for an address not saved.
            ModelState.AddModelError("", text["RequestInvalid"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), new CheckoutPage(await carts.GetAsync(CartCookie.OwnerOf(HttpContext), ct), form));
        }

        if (renamed)
        {
            await signIn.RefreshSignInAsync(user); // the header's name is in the cookie
        }

        TempData["Flash"] = text["AddressSaved"].Value;
        return Redirect(next == "payment" ? "/payment" : "/checkout");
    }
}

public sealed record CheckoutPage(CartView Cart, DeliveryForm Delivery)
{
    public bool HasAddress => !string.IsNullOrWhiteSpace(Delivery.DeliveryAddress);
}

public sealed class DeliveryForm
{
    [Display(Name = "FullName")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(200, ErrorMessage = "FieldTooLong")]
    public string FullName { get; set; } = "";

    [Display(Name = "Phone")]
    [Required(ErrorMessage = "FieldRequired")]
    // 7–15 digits (E.164 allows no more), with the spaces, brackets and dashes people type between them.
    [RegularExpression(@"^(?=.{7,20}$)\+?(?:[ ()\-]*[0-9]){7,15}[ ()\-]*$", ErrorMessage = "PhoneInvalid")]
    public string Phone { get; set; } = "";

    [Display(Name = "DeliveryAddress")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(500, ErrorMessage = "FieldTooLong")]
    public string DeliveryAddress { get; set; } = "";
}
