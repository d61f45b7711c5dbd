using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// How big a request body may be. The shop's forms and JSON bodies are a few short fields, so every action takes
/// <see cref="FormBytes"/> unless it has a limit of its own (the product form with its picture). A form whose declared
/// length is over the limit, and any API body whose is, is refused with 413 before anything reads it (else the antiforgery check, which reads the
/// form first, would call it a bad request); a body that grows past the limit while it is read is cut off by Kestrel.
/// </summary>
public sealed class BodySizeLimitFilter(long maxBytes) : IAuthorizationFilter, IRequestSizePolicy, IOrderedFilter
{
    public const long FormBytes = 16 * 1024;

    /// <summary>Before the antiforgery filter (1000). An action's own limit must have the same order, so its scope decides.</summary>
    public const int FilterOrder = 900;

    public int Order => FilterOrder;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!context.IsEffectivePolicy<IRequestSizePolicy>(this))
        {
            return; // a closer limit (the action's own) decides
        }

        var http = context.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        // Not again when the error page is rendered for this same request: it reads no body, and would be left blank.
        var errorPage = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        // The API's bodies too, whatever their type: refused before a formatter reads them (a chunked one that grows past the
        // limit is cut off by Kestrel, and the error handler answers that 413 as well).
        if (!errorPage && (http.Request.HasFormContentType || Features.Api.ApiProblem.IsApiPath(http.Request.Path)) && http.Request.ContentLength > maxBytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
