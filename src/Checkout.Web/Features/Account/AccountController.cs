using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Referrals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Account;

public sealed class AccountController(
    SignInManager<ShopUser> signIn,
    UserManager<ShopUser> users,
    PasswordSignIn passwords,
    AbsentAccountPassword absent,
    AccountMail mail,
    CartService carts,
    ShopDbContext db,
    WriteTransactions writes,
    ReferralTree referrals,
    TimeProvider clock,
    IOptions<AccountOptions> options,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("/account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    /// <summary>
    /// One answer for every failure — unknown address, wrong password, unconfirmed address — after the same work
    /// (one password verification), and one for a refused (address, client) pair, known account or not.
    /// </summary>
    [HttpPost("/account/login")]
    public async Task<IActionResult> Login(LoginForm? form, CancellationToken ct)
    {
        form ??= new LoginForm(); // an unreadable body binds nothing; ModelState says why
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        var (result, user) = await passwords.CheckAsync(form.Email, form.Password, ClientAddress(), ct);
        if (result != PasswordCheck.Passed)
        {
            ModelState.AddModelError("", text[result == PasswordCheck.Throttled ? "SignInThrottled" : "SignInFailed"]);
            return Invalid(form);
        }

        await signIn.SignInAsync(user!, Session(form.Remembered));
        await MergeGuestCartAsync(user!.Id, ct);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/main");
    }

    /// <summary>The form; a referral link (<c>?ref=CODE</c>) fills its referral code.</summary>
    [HttpGet("/account/register")]
    public IActionResult Register(string? returnUrl, [FromQuery(Name = "ref")] string? referralCode) =>
        View(new RegisterForm { ReturnUrl = returnUrl, ReferralCode = referralCode });

    /// <summary>
    /// A registration never tells whether its address has an account: a new address gets a confirmation link, a
    /// taken one a note to its owner, and the visitor the same «check your mail» page either way, after the same work.
    /// </summary>
    [HttpPost("/account/register")]
    public async Task<IActionResult> Register(RegisterForm? form, CancellationToken ct)
    {
        form ??= new RegisterForm();
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        var email = EmailAddresses.Normalize(form.Email);
        if (email is null || await LooksLikeAnotherAccountAsync(email))
        {
            ModelState.AddModelError(nameof(form.Email), text["EmailInvalid"]);
            return Invalid(form);
        }

        string? referrerId = null;
        if (!string.IsNullOrWhiteSpace(form.ReferralCode) && (referrerId = await ReferralTree.FindByCodeAsync(db, form.ReferralCode, ct)) is null)
        {
            ModelState.AddModelError(nameof(form.ReferralCode), text["ReferralCodeUnknown"]);
        }

        var candidate = new ShopUser { UserName = email, Email = email, FullName = form.FullName.Trim() };
        AddErrors(await ValidatePasswordAsync(candidate, form.Password));
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        var owner = await users.FindByEmailAsync(email!);
        if (owner is null && await CreateAsync(candidate, form.Password, referrerId, ct))
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(candidate);
            var link = Url.Action(nameof(ConfirmEmail), "Account", new { user = candidate.Id, token, returnUrl = form.ReturnUrl }, Request.Scheme)!;
            await mail.SendConfirmationAsync(email!, candidate.FullName, link, ct);
        }
        else
        {
            owner ??= await users.FindByEmailAsync(email!); // created meanwhile by a racing registration
            absent.Hash(form.Password);
            if (owner is not null)
            {
                await mail.SendAlreadyRegisteredAsync(owner.Email!, owner.FullName, Url.Action(nameof(Login), "Account", null, Request.Scheme)!, ct);
            }
        }

        return View("CheckMail", email);
    }

    /// <summary>The account and its place in the referral tree, in one transaction: both or neither.</summary>
    private async Task<bool> CreateAsync(ShopUser candidate, string password, string? referrerId, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        if (!(await users.CreateAsync(candidate, password)).Succeeded)
        {
            return false;
        }

        await referrals.JoinAsync(db, candidate.Id, referrerId, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    [HttpGet("/account/confirm")]
    public IActionResult ConfirmEmail(string? user, string? token, string? returnUrl) =>
        View(new ConfirmEmailForm { User = user ?? "", Token = token ?? "", ReturnUrl = returnUrl });

    /// <summary>The link in the registration mail: confirms the address and signs in (a session cookie), the guest cart joining.</summary>
    [HttpPost("/account/confirm")]
    public async Task<IActionResult> ConfirmEmail(ConfirmEmailForm? form, CancellationToken ct)
    {
        form ??= new ConfirmEmailForm();
        var user = ModelState.IsValid ? await users.FindByIdAsync(form.User) : null;
        if (user is null || !(await users.ConfirmEmailAsync(user, form.Token)).Succeeded)
        {
            ModelState.AddModelError("", text["ConfirmLinkInvalid"]);
            return Invalid(form);
        }

        await signIn.SignInAsync(user, Session(rememberMe: false));
        await MergeGuestCartAsync(user.Id, ct);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/account/profile");
    }

    [HttpGet("/account/logout")]
    public IActionResult Logout() => View();

    /// <summary>Ends the session everywhere: a new security stamp refuses every cookie issued before, copies included.</summary>
    [HttpPost("/account/logout")]
    public async Task<IActionResult> LogoutConfirmed()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

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
        await signIn.RefreshSignInAsync(user); // the header's name is in the cookie
        TempData["Flash"] = text["ProfileSaved"].Value;
        return Redirect("/account/profile");
    }

    [Authorize]
    [HttpGet("/account/password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    /// <summary>A new password (and so a new security stamp) ends every other session; this one is signed in again.</summary>
    [Authorize]
    [HttpPost("/account/password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm? form)
    {
        form ??= new ChangePasswordForm();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            AddErrors(changed);
            return Invalid(form);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = text["PasswordChanged"].Value;
        return Redirect("/account/profile");
    }

    [HttpGet("/account/denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>«Remember me» keeps a persistent cookie for <see cref="AccountOptions.RememberMeFor"/>; without it the cookie ends with the browser.</summary>
    private AuthenticationProperties Session(bool rememberMe) => rememberMe
        ? new AuthenticationProperties { IsPersistent = true, ExpiresUtc = clock.GetUtcNow() + options.Value.RememberMeFor }
        : new AuthenticationProperties { IsPersistent = false };

    private string ClientAddress() => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>An address that reads like an existing account's (Cyrillic or Greek letters standing in for Latin ones).</summary>
    private async Task<bool> LooksLikeAnotherAccountAsync(string email)
    {
        var skeleton = EmailAddresses.Skeleton(email);
        return !string.Equals(skeleton, email, StringComparison.OrdinalIgnoreCase) && await users.FindByEmailAsync(skeleton) is not null;
    }

    private async Task<IdentityResult> ValidatePasswordAsync(ShopUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>Identity's errors as the shop's messages, each once (two length-like errors are one message).</summary>
    private void AddErrors(IdentityResult result)
    {
        var messages = result.Errors.Select(error => error.Code switch
        {
            "PasswordMismatch" => "CurrentPasswordWrong",
            CommonPasswordValidator.ErrorCode => "PasswordTooCommon",
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "PasswordTooShort",
            _ => "RequestInvalid",
        });
        foreach (var key in messages.Distinct())
        {
            ModelState.AddModelError("", text[key]);
        }
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
