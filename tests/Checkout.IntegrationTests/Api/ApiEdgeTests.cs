using System.Net;

namespace Checkout.IntegrationTests.Api;

/// <summary>What every <c>/api</c> answer shares: problem details with a stable code, in the language the client asks for.</summary>
public sealed class ApiEdgeTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    [Theory]
    [InlineData(null, "Табылмады")]
    [InlineData("ru-RU,ru;q=0.9", "Не найдено")]
    [InlineData("en", "Not found")]
    [InlineData("de-DE", "Табылмады")]
    public async Task An_unknown_API_route_is_a_problem_titled_in_the_language_asked_for(string? language, string title)
    {
        using var app = ApiClient.Anonymous(_shop);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        using var response = await app.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("not_found");
        var problem = await ApiClient.ReadJsonAsync(response);
        problem.GetProperty("title").GetString().Should().Be(title);
        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("type").GetString().Should().Be("urn:checkout:problem:not_found");
    }

    [Fact]
    public async Task The_pages_stay_in_Kazakh_whatever_the_browser_asks_for()
    {
        using var client = _shop.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        var page = await client.GetStringAsync("/cart");

        page.Should().Contain("Себет");
    }

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_and_from_another_is_not_and_pages_send_no_CORS()
    {
        using var shop = new ShopFactory { Settings = new Dictionary<string, string> { ["Api:CorsOrigins:0"] = "https://app.example.kz" } };
        using var app = ApiClient.Anonymous(shop);

        async Task<HttpResponseMessage> PreflightAsync(string path, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
            return await app.Http.SendAsync(request);
        }

        using var allowed = await PreflightAsync("/api/v1/orders", "https://app.example.kz");
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://app.example.kz");
        string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant().Should().Contain("idempotency-key");
        using var other = await PreflightAsync("/api/v1/orders", "https://evil.example.com");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        using var page = await PreflightAsync("/cart/add", "https://app.example.kz");
        page.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("the pages never answer CORS");
    }

    [Fact]
    public async Task An_API_body_over_16_KB_is_payload_too_large_before_anything_runs()
    {
        using var shop = ContractProbe.Shop();
        using var app = ApiClient.Anonymous(shop);

        using var response = await app.PostAsync("/api/v1/carts/good/contract_probe",
            Shopper.Json(System.Text.Json.JsonSerializer.Serialize(new { product_id = 1, pad = new string('x', 17 * 1024) })));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("payload_too_large");
    }

    [Fact]
    public async Task A_chunked_API_body_that_grows_past_16_KB_is_payload_too_large_not_a_validation_error()
    {
        using var shop = ContractProbe.Shop();
        shop.UseKestrel(0); // Kestrel enforces the limit on a body of no declared length; the in-memory server doesn't
        shop.StartServer();
        using var http = shop.CreateShopper();
        var body = System.Text.Encoding.UTF8.GetBytes($"{{\"product_id\": 1, \"pad\": \"{new string('x', 40 * 1024)}\"}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/carts/good/contract_probe")
        {
            Content = new StreamContent(new MemoryStream(body)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("payload_too_large");
    }

    [Theory]
    [InlineData(null, "Мәні жарамсыз")]
    [InlineData("ru", "Недопустимое значение")]
    [InlineData("en", "The value is not valid")]
    public async Task A_value_that_does_not_parse_is_a_localized_validation_error_on_the_field_as_written(string? language, string message)
    {
        using var shop = ContractProbe.Shop();
        using var app = ApiClient.Anonymous(shop);
        if (language is not null)
        {
            app.Http.DefaultRequestHeaders.Add("Accept-Language", language);
        }

        using var response = await app.PostAsync("/api/v1/carts/good/contract_probe", Shopper.Json("{\"product_id\": 1, \"quantity\": \"many\"}"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("validation_failed");
        var errors = (await ApiClient.ReadJsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("quantity");
        errors.GetProperty("quantity").EnumerateArray().Select(m => m.GetString()).Should().Equal(message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1, 2")]
    public async Task A_body_that_is_not_JSON_is_one_localized_error_on_body(string body)
    {
        using var shop = ContractProbe.Shop();
        using var app = ApiClient.Anonymous(shop);
        app.Http.DefaultRequestHeaders.Add("Accept-Language", "en");

        using var response = await app.PostAsync("/api/v1/carts/good/contract_probe", Shopper.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("validation_failed");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("System.").And.NotContain("field is required");
        var errors = (await ApiClient.ReadJsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("body");
    }

    [Fact]
    public async Task Cart_posts_to_the_API_past_the_limit_get_429_rate_limited_with_Retry_After()
    {
        using var shop = ContractProbe.Shop(new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Cart:PermitLimit"] = "2",
        });
        using var app = ApiClient.Anonymous(shop);
        for (var i = 0; i < 2; i++)
        {
            (await app.PostAsync("/api/v1/carts/good/contract_probe", new { product_id = 1 })).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var refused = await app.PostAsync("/api/v1/carts/good/contract_probe", new { product_id = 1 });

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await ApiClient.ProblemCodeAsync(refused)).Should().Be("rate_limited");
    }

    [Theory]
    [InlineData("POST", "api/v1/auth/token", "Login")]
    [InlineData("POST", "api/v1/auth/refresh", "Login")]
    [InlineData("POST", "api/v1/orders", "Payment")]
    [InlineData("POST", "api/v1/orders/{number}/cancel", "Orders")]
    [InlineData("POST", "api/v1/carts", "Cart")]
    [InlineData("PUT", "api/v1/carts/{token}/lines/{product_id}", "Cart")]
    [InlineData("DELETE", "api/v1/carts/{token}/lines/{product_id}", "Cart")]
    [InlineData("GET", "api/v1/carts/{token}", null)]
    [InlineData("GET", "api/v1/orders", null)]
    public void The_API_routes_come_under_their_rate_limit_policy(string method, string route, string? policy) =>
        Checkout.Web.Infrastructure.RateLimitingSetup.PolicyFor(method, route).Should().Be(policy);

    public void Dispose() => _shop.Dispose();
}
