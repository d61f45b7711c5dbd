using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// How the shop says no: the JSON envelope <c>{"status":"error","message":"…"}</c> to a script, the
/// <c>Refused</c> page to a plain form post — with the same status code either way.
/// </summary>
public static class Refusal
{
    /// <summary>snake_case names, Kazakh letters written as they are.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Cyrillic),
    };

    public static IActionResult For(HttpContext http, int status, string message)
    {
        if (!http.Request.HasFormContentType)
        {
            return new JsonResult(new ErrorBody("error", message), Json) { StatusCode = status };
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
