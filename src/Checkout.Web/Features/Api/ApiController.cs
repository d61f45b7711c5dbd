using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Api;

/// <summary>
/// What every <c>/api/v1</c> controller is: JSON in and out (snake_case, money as integer tiyn with <c>"currency":"KZT"</c>),
/// authenticated by bearer tokens only (a browser's cookie is never read here, so there is no antiforgery token and no
/// CSRF), and every refusal a problem details answer with a stable code (<see cref="ApiProblem"/>). Controllers here only
/// translate: the shop's rules live in the services the pages use.
/// </summary>
[ApiController]
[IgnoreAntiforgeryToken]
[ProducesJson]
public abstract class ApiController : ControllerBase
{
    public const string Currency = "KZT";

    /// <summary>A refusal: status, stable code, and the detail for this case (the code's title when none).</summary>
    protected ObjectResult Refuse(int status, string code, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        ApiProblem.Result(HttpContext, status, code, detail, extensions);
}
