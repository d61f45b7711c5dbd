using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Account;

public static class AccountSetup
{
    /// <summary>
    /// Identity on the shop's database, the <c>checkout_auth</c> cookie (sliding, checked against the account's
    /// security stamp), the sign-in throttle, the password rules and the role policies; section <c>Accounts</c>.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => o.SecurityStampInterval >= TimeSpan.Zero, "Accounts:SecurityStampInterval must not be negative.")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Accounts:IdleTimeout must be positive.")
            .Validate(o => o.RememberMeFor > TimeSpan.Zero, "Accounts:RememberMeFor must be positive.")
            .Validate(o => o.MaxFailedSignIns >= 1, "Accounts:MaxFailedSignIns must be at least 1.")
            .Validate(o => o.FailedSignInWindow > TimeSpan.Zero, "Accounts:FailedSignInWindow must be positive.")
            .ValidateOnStart();

        services.AddIdentity<ShopUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = ""; // the user name is the e-mail, checked by EmailAddresses
                options.SignIn.RequireConfirmedEmail = true; // a registration signs in from the link in its mail
                // The account is never locked by failures (anyone could lock anyone out): SignInThrottle refuses the
                // (e-mail, client address) pair instead, and the rate limits slow a spray from many addresses.
                options.Lockout.AllowedForNewUsers = false;
                options.Password.RequiredLength = PasswordRules.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddEntityFrameworkStores<ShopDbContext>()
            .AddClaimsPrincipalFactory<ShopperClaims>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountOptions>>((stamp, accounts) =>
            stamp.ValidationInterval = accounts.Value.SecurityStampInterval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountOptions>>((cookie, accounts) =>
        {
            cookie.ExpireTimeSpan = accounts.Value.IdleTimeout; // a «remember me» sign-in sets its own, longer expiry
            cookie.SlidingExpiration = true;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "checkout_auth";
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            // The admin area answers 403 to everyone without the admin role, signed in or not; other pages send guests to log in.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }
                else
                {
                    context.Response.Redirect(Infrastructure.LocalUrls.PathOnly(context.RedirectUri)); // never the Host header a client chose
                }

                return Task.CompletedTask;
            };
        });
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AbsentAccountPassword>();
        services.AddSingleton<AccountMail>();
        services.AddAuthorizationBuilder().AddShopPolicies();
        return services;
    }
}
