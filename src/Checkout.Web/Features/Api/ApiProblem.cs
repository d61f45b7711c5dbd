using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Api;

/// <summary>
/// How the API says no: RFC 9457 problem details (<c>application/problem+json</c>) with a stable <c>code</c> a client
/// branches on, a <c>title</c> for the code and a <c>detail</c> for this case, both in the request's language
/// (Kazakh unless <c>Accept-Language</c> asks for Russian or English).
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    /// <summary>Where each code's <c>type</c> points: the API reference's list of codes.</summary>
    public const string TypeBase = "urn:checkout:problem:";

    /// <summary>
    /// Whether a request is the API's (it then gets problem details, never a page), also while the error handler answers
    /// for it under <c>/error</c>.
    /// </summary>
    public static bool IsApiRequest(HttpContext http) => IsApiPath(http.Request.Path) || IsApiPath(OriginalPath(http));

    /// <summary>The path the client asked for, before a failure or a bare status sent the request to the error handler.</summary>
    public static PathString OriginalPath(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
        ?? http.Features.Get<IExceptionHandlerFeature>()?.Path
        ?? http.Request.Path;

    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The problem for <paramref name="code"/>; <paramref name="detail"/> defaults to the code's title.</summary>
    public static ProblemDetails Create(HttpContext http, int status, string code, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var title = text["Problem_" + code];
        var problem = new ProblemDetails
        {
            Type = TypeBase + code,
            Title = title.ResourceNotFound ? code : title.Value,
            Status = status,
            Detail = detail ?? (title.ResourceNotFound ? code : title.Value),
            Instance = OriginalPath(http),
        };
        problem.Extensions["code"] = code;
        problem.Extensions["trace_id"] = http.TraceIdentifier;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    public static ObjectResult Result(HttpContext http, int status, string code, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        new ProblemResult(Create(http, status, code, detail, extensions)) { StatusCode = status };

    /// <summary>Always <c>application/problem+json</c>, though the controller's <c>[Produces("application/json")]</c> resets the types first.</summary>
    private sealed class ProblemResult(ProblemDetails problem) : ObjectResult(problem)
    {
        public override Task ExecuteResultAsync(ActionContext context)
        {
            ContentTypes.Clear();
            ContentTypes.Add(ContentType);
            return base.ExecuteResultAsync(context);
        }
    }

    /// <summary>The code for a bare status the API answers without an action's own refusal (no route, no token, too many requests…).</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ApiCodes.BadRequest,
        StatusCodes.Status401Unauthorized => ApiCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ApiCodes.Forbidden,
        StatusCodes.Status404NotFound => ApiCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ApiCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ApiCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ApiCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ApiCodes.RateLimited,
        >= 500 => ApiCodes.ServerError,
        _ => ApiCodes.BadRequest,
    };
}
