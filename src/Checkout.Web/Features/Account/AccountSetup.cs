using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Features.Account;

public static class AccountSetup
{
    /// <summary>Identity on the shop's database, the <c>checkout_auth</c> cookie, and the role policies.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<ShopUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = ""; // the user name is the e-mail, validated as one (Cyrillic domains too)
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<ShopDbContext>()
            .AddDefaultTokenProviders();
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
        services.AddAuthorizationBuilder().AddShopPolicies();
        return services;
    }
}
