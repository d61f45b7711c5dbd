using Checkout.Web.Features.Payments.Gateway;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Checkout.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Everything the pages use is served by the shop itself: no inline script, no third party. Forms go to the shop,
    /// and to the gateway's hosted payment page (the browser checks a form post's redirect too: without it, the online
    /// payment's form post could not lead the shopper there).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var gateway = app.ApplicationServices.GetRequiredService<IOptions<CloudPaymentsOptions>>().Value.FormTarget;
        var shopPolicy = Policy(formTargets: gateway is null ? [] : [gateway]);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Content-Security-Policy"] = shopPolicy;
            if (context.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                    {
                        headers["Content-Security-Policy"] = ApiReferencePolicy(nonce);
                    }

                    return Task.CompletedTask;
                });
            }

            await next();
        });
    }

    /// <summary>The shop's policy, its forms allowed to go to <paramref name="formTargets"/> (origins) besides the shop.</summary>
    public static string Policy(IEnumerable<string> formTargets) =>
        $"default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action {string.Join(' ', ["'self'", .. formTargets])}; base-uri 'self'";

    /// <summary>
    /// The API reference's page (Scalar, served from the package, never a CDN): its one inline script runs by the page's
    /// nonce, and the styles its components set at run time need inline styles. Still no third party.
    /// </summary>
    private static string ApiReferencePolicy(string nonce) =>
        $"default-src 'self'; img-src 'self' data:; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
}
