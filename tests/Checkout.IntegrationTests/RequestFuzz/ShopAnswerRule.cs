using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Checkout.Web;
using Checkout.Web.Features.Api;
using Checkout.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// The one rule every answer to bad input is held to: a 4xx with a message from the shop's resources (the JSON envelope
/// or a page that shows it), never a success, a silent redirect, a 500 or a stack trace. 413 and 429 are refusals only
/// where they belong: 413 for a body over the shop's 16 KB, 429 only when the shop's rate limits are on, with Retry-After.
/// </summary>
internal sealed class ShopAnswerRule(ShopFactory shop)
{
    private readonly List<Regex> _messages = ResourceMessages(shop);

    private readonly bool _rateLimited = shop.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled;

    /// <summary>What is wrong with an answer to bad input; null when it is a 4xx with a message of the shop's.</summary>
    public async Task<string?> ProblemAsync(HttpResponseMessage response, bool signedIn, bool routeNeedsLogin, long? bodyBytes = null)
    {
        var status = (int)response.StatusCode;
        if (status == 413 && bodyBytes <= BodySizeLimitFilter.FormBytes)
        {
            return $"413 for a body of {bodyBytes} bytes, within the shop's {BodySizeLimitFilter.FormBytes}";
        }

        if (status == 429 && response.Headers.RetryAfter is not null && await IsSignInThrottleAsync(response))
        {
            // The app's sign-in refusing a (address, client) pair with too many failures: the throttle, not the rate limiter.
            return ApiProblem(status, await response.Content.ReadAsStringAsync());
        }

        if (status == 429 && (!_rateLimited || response.Headers.RetryAfter is null))
        {
            return _rateLimited ? "429 without Retry-After" : "429 though the shop's rate limits are off";
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        if (status is 302 or 303 && !signedIn && routeNeedsLogin
            && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal)))
        {
            return null; // the sign-in challenge: see HostileInputs.ProbesOnly
        }

        var body = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
        {
            return $"answered {status}{(location.Length > 0 ? $" → {location}" : "")} {Shorten(Text(body))}";
        }

        if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
        {
            return $"{status} shows a stack trace: {Shorten(body)}";
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType == "application/problem+json")
        {
            return ApiProblem(status, body);
        }

        if (mediaType == "application/json")
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                var state = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) ? s.GetString() : null;
                var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m) ? m.GetString() : null;
                return state == "error" && IsShopMessage(message)
                    ? null
                    : $"{status} JSON is not the error envelope with a message of the shop's: {Shorten(body)}";
            }
            catch (JsonException)
            {
                return $"{status} with unreadable JSON: {Shorten(body)}";
            }
        }

        if (mediaType != "text/html")
        {
            return $"{status} with no message ({mediaType ?? "no content type"}, {body.Length} chars)";
        }

        var page = await new HtmlParser().ParseDocumentAsync(body);
        var shown = page.QuerySelectorAll("[role=alert]:not([hidden]), .validation-summary-errors li, .field-validation-error, section[data-status-code] h1")
            .Select(e => Normalize(e.TextContent))
            .Where(t => t.Length > 0)
            .ToList();
        if (shown.Count == 0)
        {
            return $"{status} page shows no error message: {Shorten(Text(body))}";
        }

        var foreign = shown.Where(t => !IsShopMessage(t)).ToList();
        return foreign.Count == 0 ? null : $"{status} page shows a message not from the shop's resources: «{string.Join("», «", foreign)}»";
    }

    /// <summary>The API's rule: problem details with its status, a stable code of <see cref="ApiCodes"/>, title and detail from the resources.</summary>
    private string? ApiProblem(int status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            var code = Text("code");
            var sameStatus = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.TryGetInt32(out var given) && given == status;
            return code is not null && ApiCodeNames.Contains(code) && sameStatus && IsShopMessage(Text("title")) && IsShopMessage(Text("detail"))
                ? null
                : $"{status} problem is not the API's (a code of ApiCodes, its status, title and detail from the resources): {Shorten(body)}";
        }
        catch (JsonException)
        {
            return $"{status} with an unreadable problem: {Shorten(body)}";
        }
    }

    private static async Task<bool> IsSignInThrottleAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() == ApiCodes.SignInThrottled;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly HashSet<string> ApiCodeNames = typeof(ApiCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private bool IsShopMessage(string? message) =>
        !string.IsNullOrWhiteSpace(message) && _messages.Any(m => m.IsMatch(Normalize(message)));

    private static List<Regex> ResourceMessages(ShopFactory shop)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("kk-KZ");
        try
        {
            var text = shop.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            return text.GetAllStrings(includeParentCultures: true)
                .Select(s => Normalize(s.Value))
                .Where(v => v.Length > 0)
                .Select(v => new Regex("^" + Regex.Replace(Regex.Escape(v), @"\\\{\d+(:[^}]*)?}", ".+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                .ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static string Text(string html) => Normalize(Regex.Replace(html, "<[^>]*>", " "));

    public static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
