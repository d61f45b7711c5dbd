using Checkout.Web.Features.Api;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Errors;

/// <summary>Error pages; a JSON request (the payment page's script) gets SPEC's JSON error body instead.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<SharedResource> text) : Controller
{
    [Route("/error")]
    [Route("/error/{status:int:range(400,599)}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Index([FromRoute] int? status) // only the path's: a status=-1 field in a posted form must not set it
    {
        // Reached without a failure (someone opened /error itself) there is nothing to report but a page that isn't one.
        var code = status ?? (Response.StatusCode >= 400 ? Response.StatusCode
            : HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError);
        Response.StatusCode = code;
        if (ApiProblem.IsApiRequest(HttpContext))
        {
            return ApiProblem.Result(HttpContext, code, ApiProblem.CodeFor(code));
        }

        if (Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            var message = code >= 500 ? text["ServerError"]
                : code == StatusCodes.Status403Forbidden ? text["AccessDenied"]
                : code == StatusCodes.Status429TooManyRequests ? text["TooManyRequests"]
                : text["RequestInvalid"];
            return new JsonResult(new Refusal.ErrorBody("error", message), ShopJson.Options) { StatusCode = code };
        }

        return View(new ErrorPage(code, HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorPage(int Status, string RequestId);
