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

    public void Dispose() => _shop.Dispose();
}
