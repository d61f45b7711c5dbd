using System.Net;
using System.Text.Json;

namespace Checkout.IntegrationTests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /api/docs.</summary>
public sealed class ApiDocsTests
{
    [Fact]
    public async Task The_document_is_OpenAPI_3_1_of_the_api_v1_paths_only_with_the_bearer_scheme()
    {
        using var shop = ContractProbe.Shop();
        using var app = ApiClient.Anonymous(shop);

        var document = await ApiClient.ReadJsonAsync(await app.GetAsync("/openapi/v1.json"));

        document.GetProperty("openapi").GetString().Should().StartWith("3.1");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().NotBeEmpty().And.OnlyContain(p => p.StartsWith("/api/v1/"));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        bearer.GetProperty("type").GetString().Should().Be("http");
        bearer.GetProperty("scheme").GetString().Should().Be("bearer");
        var description = document.GetProperty("info").GetProperty("description").GetString();
        description.Should().Contain("tiyn").And.Contain("\"currency\": \"KZT\"").And.Contain("Idempotency-Key").And.Contain("`insufficient_funds` | ");

        var @private = document.GetProperty("paths").GetProperty("/api/v1/contract_probe/private").GetProperty("post");
        @private.GetProperty("security")[0].GetProperty("Bearer").GetArrayLength().Should().Be(0);
        @private.GetProperty("responses").TryGetProperty("401", out _).Should().BeTrue();
        var cart = document.GetProperty("paths").GetProperty("/api/v1/carts/{token}/contract_probe").GetProperty("post");
        cart.GetProperty("security").EnumerateArray().Select(s => s.EnumerateObject().Count()).Should().Equal(0, 1); // optional
        cart.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue();
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        problem.GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString()).Should().Contain("validation_failed");
        problem.TryGetProperty("errors", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("Development", null, HttpStatusCode.OK)]
    [InlineData("Testing", "true", HttpStatusCode.OK)]
    [InlineData("Testing", null, HttpStatusCode.NotFound)]
    public async Task The_reference_is_served_in_Development_or_with_Api_Docs_only(string environment, string? docs, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string> { ["environment"] = environment };
        if (docs is not null)
        {
            settings["Api:Docs"] = docs;
        }

        using var shop = new ShopFactory { Settings = settings };
        using var app = ApiClient.Anonymous(shop);

        using var page = await app.GetAsync("/api/docs/");

        page.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK)
        {
            var html = await page.Content.ReadAsStringAsync();
            html.Should().Contain("scalar.js").And.NotContain("cdn.");
            var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
            var nonce = System.Text.RegularExpressions.Regex.Match(html, "nonce=\"([^\"]+)\"").Groups[1].Value;
            nonce.Should().NotBeEmpty();
            policy.Should().Contain($"'nonce-{nonce}'").And.NotContain("script-src 'self' 'unsafe-inline'");
            (await app.GetAsync("/api/docs/scalar.js")).StatusCode.Should().Be(HttpStatusCode.OK, "the assets come from the package, not a CDN");
        }
    }
}
