using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Checkout.Web.Domain;
using Checkout.Web.Features.Api;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Testing;

/// <summary>
/// An app calling <c>/api/v1</c>: no cookies (an app keeps none), JSON in snake_case, and, once signed in, the bearer token
/// on every request. <see cref="ForShopperAsync"/> issues the token through the shop's own <see cref="ApiTokens"/> for
/// suites that test something other than signing in; the sign-in suite gets its tokens from <c>POST /api/v1/auth/token</c>.
/// </summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static ApiClient Anonymous(ShopFactory shop) =>
        new(shop.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    /// <summary>An app signed in as <paramref name="email"/> with a freshly issued access token.</summary>
    public static async Task<ApiClient> ForShopperAsync(ShopFactory shop, string email = Shopper.DemoEmail)
    {
        string token;
        await using (var scope = shop.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAccessTokenAsync(user);
        }

        var client = Anonymous(shop);
        client.UseToken(token);
        return client;
    }

    public void UseToken(string? accessToken) =>
        Http.DefaultRequestHeaders.Authorization = accessToken is null ? null : new AuthenticationHeaderValue("Bearer", accessToken);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: ShopJson.Options);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>The answer's JSON; fails the test when the body isn't JSON.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>The problem's stable <c>code</c>, after checking the answer is <c>application/problem+json</c>.</summary>
    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", await response.Content.ReadAsStringAsync());
        var problem = await ReadJsonAsync(response);
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public void Dispose() => Http.Dispose();
}
