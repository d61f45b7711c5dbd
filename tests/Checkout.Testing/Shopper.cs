using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Checkout.Testing;

/// <summary>A browser-like visitor: keeps its cookies, reads antiforgery tokens from the pages it loads.</summary>
public sealed class Shopper(HttpClient http, CookieContainer? cookies = null) : IDisposable
{
    public const string DemoEmail = "demo@checkout.local";
    public const string DemoPassword = "Demo123!";
    public const string AidosEmail = "aidos@checkout.local";
    public const string AidosPassword = "Aidos123!";

    public HttpClient Http { get; } = http;

    /// <summary>The visitor's cookie jar (what a browser holds, and what a thief who copied it has).</summary>
    public CookieContainer Cookies { get; } = cookies ?? new CookieContainer();

    /// <summary>A copy of every cookie this visitor holds now, for another visitor to replay.</summary>
    public CookieContainer CopyCookies()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token a page of the shop carries in its forms.</summary>
    public async Task<string> TokenAsync(string path = "/main")
    {
        var page = await GetPageAsync(path);
        var input = page.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement;
        return input?.Value ?? throw new InvalidOperationException($"{path} carries no antiforgery token.");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            form["__RequestVerificationToken"] = await TokenAsync();
        }

        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public async Task LoginAsync(string email = DemoEmail, string password = DemoPassword)
    {
        var response = await TryLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }
    }

    public async Task<HttpResponseMessage> TryLoginAsync(string email, string password, string? returnUrl = null, bool rememberMe = false)
    {
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (rememberMe)
        {
            fields["RememberMe"] = "true";
        }

        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await PostFormAsync("/account/login", fields);
    }

    /// <summary>Fills the registration form as a visitor would (the password typed twice).</summary>
    public Task<HttpResponseMessage> RegisterAsync(string fullName, string email, string password) =>
        PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = fullName, ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password,
        });

    /// <summary>Opens the confirmation link of a registration mail and presses its button, as the owner of the mailbox would.</summary>
    public async Task<HttpResponseMessage> ConfirmAsync(AccountMessage mail)
    {
        var link = mail.Link ?? throw new InvalidOperationException($"The mail to {mail.To} carries no link.");
        var page = await GetPageAsync(link.PathAndQuery);
        var fields = page.QuerySelectorAll("form[action='/account/confirm'] input")
            .OfType<IHtmlInputElement>()
            .ToDictionary(i => i.Name!, i => i.Value);
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri("/account/confirm", UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> AddToCartAsync(int productId, int quantity) =>
        PostFormAsync("/cart/add", new Dictionary<string, string> { ["productId"] = $"{productId}", ["quantity"] = $"{quantity}" });

    public Task<HttpResponseMessage> UpdateCartAsync(int productId, int quantity) =>
        PostFormAsync("/cart/update", new Dictionary<string, string> { ["productId"] = $"{productId}", ["quantity"] = $"{quantity}" });

    public Task<HttpResponseMessage> RemoveFromCartAsync(int productId) =>
        PostFormAsync("/cart/remove", new Dictionary<string, string> { ["productId"] = $"{productId}" });

    /// <summary>A JSON body as the payment page's script sends it, written out to the byte (for bodies an anonymous object can't give).</summary>
    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Pays as the payment page's script does: JSON body, token in the RequestVerificationToken header.</summary>
    public async Task<HttpResponseMessage> PayAsync(object body, string? token = null, string? idempotencyKey = null)
    {
        token ??= await TokenAsync();
        return await PayWithTokenAsync(JsonContent.Create(body), token, idempotencyKey);
    }

    public async Task<HttpResponseMessage> PayWithTokenAsync(HttpContent content, string? token, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process_payment") { Content = content };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public static async Task<PaymentAnswer> ReadAnswerAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new PaymentAnswer(
            response.StatusCode,
            root.GetProperty("status").GetString()!,
            root.GetProperty("message").GetString()!,
            root.TryGetProperty("new_balance", out var balance) ? balance.GetInt64() : null,
            root.TryGetProperty("total_paid", out var total) ? total.GetInt64() : null,
            root.TryGetProperty("order_number", out var number) ? number.GetString() : null,
            json);
    }

    public void Dispose() => Http.Dispose();
}
