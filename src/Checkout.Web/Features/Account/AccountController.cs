using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Account;

public sealed class AccountController(
    SignInManager<ShopUser> signIn,
    UserManager<ShopUser> users,
    CartService carts,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("/account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("/account/login")]
    public async Task<IActionResult> Login(LoginForm? form, CancellationToken ct)
    {
        form ??= new LoginForm(); // an unreadable body binds nothing; ModelState says why
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", text["LockedOut"]);
            return Invalid(form);
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["InvalidLogin"]);
            return Invalid(form);
        }

        var user = await users.FindByNameAsync(form.Email.Trim());
        await MergeGuestCartAsync(user!.Id, ct);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/main");
    }

    [HttpGet("/account/register")]
    public IActionResult Register(string? returnUrl) => View(new RegisterForm { ReturnUrl = returnUrl });

    [HttpPost("/account/register")]
    public async Task<IActionResult> Register(RegisterForm? form, CancellationToken ct)
    {
        form ??= new RegisterForm();
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        var email = form.Email.Trim();
        var user = new ShopUser { UserName = email, Email = email, FullName = form.FullName.Trim() };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("", text[error.Code switch
                {
                    "DuplicateUserName" or "DuplicateEmail" => "EmailTaken",
                    "InvalidUserName" or "InvalidEmail" => "EmailInvalid",
                    _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "PasswordTooWeak",
                    _ => "RequestInvalid",
                }]);
            }

            return Invalid(form);
        }

        await signIn.SignInAsync(user, isPersistent: true);
        await MergeGuestCartAsync(user.Id, ct);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/account/profile");
    }

    [HttpGet("/account/logout")]
    public IActionResult Logout() => View();

    [HttpPost("/account/logout")]
    public async Task<IActionResult> LogoutConfirmed()
    {
        await signIn.SignOutAsync();
        return Redirect("/main");
    }

    [Authorize]
    [HttpGet("/account/profile")]
    public async Task<IActionResult> Profile()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return View(new ProfileForm
        {
            Email = user.Email ?? "",
            FullName = user.FullName,
            Phone = user.PhoneNumber,
            DeliveryAddress = user.DeliveryAddress,
        });
    }

    [Authorize]
    [HttpPost("/account/profile")]
    public async Task<IActionResult> Profile(ProfileForm? form)
    {
        form ??= new ProfileForm();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        form.Email = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        user.FullName = form.FullName.Trim();
        user.PhoneNumber = form.Phone?.Trim();
        user.DeliveryAddress = form.DeliveryAddress?.Trim() ?? "";
        await users.UpdateAsync(user);
        TempData["Flash"] = text["ProfileSaved"].Value;
        return Redirect("/account/profile");
    }

    [HttpGet("/account/denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>The guest cart of the cookie (if any) joins the shopper's; the cookie goes with it.</summary>
    private async Task MergeGuestCartAsync(string userId, CancellationToken ct)
    {
        if (CartCookie.GuestCartId(Request) is { } guestCartId)
        {
            await carts.MergeGuestCartAsync(guestCartId, userId, ct);
            CartCookie.Forget(Response);
        }
    }

    private ViewResult Invalid(object form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }
}
