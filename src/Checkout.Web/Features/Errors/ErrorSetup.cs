using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Checkout.Web.Features.Errors;

public static class ErrorSetup
{
    /// <summary>Failures and bare error statuses are answered by <see cref="ErrorController"/>.</summary>
    public static IApplicationBuilder UseShopErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // A request the server can't read (body too large, malformed form, bad token) is the client's error, not ours.
                StatusCodeSelector = exception => exception switch
                {
                    BadHttpRequestException bad => bad.StatusCode,
                    InvalidDataException or AntiforgeryValidationException or ValueProviderException => StatusCodes.Status400BadRequest,
                    _ => StatusCodes.Status500InternalServerError,
                },
            })
            .UseStatusCodePagesWithReExecute("/error/{0}");
}
