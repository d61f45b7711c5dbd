using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Errors;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error")]
    [Route("/error/{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Index(int? status)
    {
        var code = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = code;
        return View(new ErrorPage(code, HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorPage(int Status, string RequestId);
