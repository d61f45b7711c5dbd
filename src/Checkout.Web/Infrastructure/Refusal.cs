using Checkout.Web.Features.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// How the shop says no: the JSON envelope <c>{"status":"error","message":"…"}</c> to a script, the
/// <c>Refused</c> page to a plain form post, problem details to the API — with the same status code either way.
/// </summary>
public static class Refusal
{
    /// <param name="code">The API's stable code for this refusal: an <c>/api</c> request gets problem details instead.</param>
    public static IActionResult For(HttpContext http, int status, string message, string code = ApiCodes.BadRequest)
    {
        if (ApiProblem.IsApiRequest(http))
        {
            return ApiProblem.Result(http, status, code, message);
        }

        if (!http.Request.HasFormContentType)
        {
            return new JsonResult(new ErrorBody("error", message), ShopJson.Options) { StatusCode = status };
        }

        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = "Refused",
            StatusCode = status,
            ViewData = new ViewDataDictionary<string>(metadata, new ModelStateDictionary()) { Model = message },
        };
    }

    public sealed record ErrorBody(string Status, string Message);
}
