using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document against the running shop: every documented operation has its route, every example validates
/// against its schema, and real answers match their documented status and schema (<see cref="ApiContract"/>).
/// </summary>
public sealed class ApiContractTests(ITestOutputHelper output) : IDisposable
{
    private readonly ShopFactory _shop = ContractProbe.Shop();

    [Fact]
    public async Task Every_documented_operation_has_its_route_on_the_running_shop()
    {
        var contract = await ApiContract.LoadAsync(_shop);
        using var app = ApiClient.Anonymous(_shop);

        foreach (var operation in contract.Operations)
        {
            using var response = await app.SendAsync(new HttpMethod(operation.Method), operation.Fill("1"), operation.Method is "GET" or "DELETE" ? null : new { });
            var code = response.StatusCode == HttpStatusCode.NotFound ? await ApiClient.ProblemCodeAsync(response) : null;
            code.Should().NotBe("not_found", $"{operation} is documented, so its route must exist");
            response.StatusCode.Should().NotBe(HttpStatusCode.MethodNotAllowed, $"{operation} is documented");
        }

        output.WriteLine($"{contract.Operations.Count} operations: {string.Join(", ", contract.Operations)}");
        contract.Operations.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Every_example_in_the_document_validates_against_its_schema()
    {
        var contract = await ApiContract.LoadAsync(_shop);
        var failures = new List<string>();
        var checkedExamples = 0;
        foreach (var path in contract.Document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var (pointer, media) in Media(path.Name, operation))
                {
                    if (media.TryGetProperty("example", out var example) && media.TryGetProperty("schema", out _))
                    {
                        checkedExamples++;
                        failures.AddRange(contract.Validate(pointer + "/schema", example).Select(e => $"{pointer}: {e}"));
                    }
                }
            }
        }

        output.WriteLine($"{checkedExamples} examples checked");
        checkedExamples.Should().BeGreaterThan(5);
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Real_answers_match_their_documented_status_and_schema()
    {
        var contract = await ApiContract.LoadAsync(_shop);
        using var guest = ApiClient.Anonymous(_shop);
        using var demo = await ApiClient.ForShopperAsync(_shop);

        await contract.CheckAsync(await guest.GetAsync("/api/v1/contract_probe/1"));
        await contract.CheckAsync(await guest.GetAsync("/api/v1/contract_probe/2"));
        await contract.CheckAsync(await guest.PostAsync("/api/v1/carts/good/contract_probe", new { product_id = 1, quantity = 2 }));
        await contract.CheckAsync(await guest.PostAsync("/api/v1/carts/bad/contract_probe", new { product_id = 1, quantity = 2 }));
        await contract.CheckAsync(await guest.PostAsync("/api/v1/carts/good/contract_probe", new { quantity = 99 }));
        await contract.CheckAsync(await guest.PostAsync("/api/v1/contract_probe/private", new { product_id = 1 }));
        await contract.CheckAsync(await demo.PostAsync("/api/v1/contract_probe/private", new { product_id = 1 }));
        // The lead adds one line per exchange of the real endpoints here.

        output.WriteLine($"{contract.Checks} contract checks run");
        contract.Checks.Should().BeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task An_answer_that_breaks_its_documented_schema_or_status_is_caught()
    {
        var contract = await ApiContract.LoadAsync(_shop);
        using var guest = ApiClient.Anonymous(_shop);

        (await contract.ProblemsAsync(await guest.GetAsync("/api/v1/contract_probe/liar"))).Should().NotBeEmpty("price is documented as an integer");
        (await contract.ProblemsAsync(await guest.PostAsync("/api/v1/contract_probe/1", new { }))).Should().NotBeEmpty("no such operation");
    }

    private static IEnumerable<(string Pointer, JsonElement Media)> Media(string path, JsonProperty operation)
    {
        var root = $"#/paths/{Escape(path)}/{operation.Name}";
        if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var bodyContent))
        {
            foreach (var media in bodyContent.EnumerateObject())
            {
                yield return ($"{root}/requestBody/content/{Escape(media.Name)}", media.Value);
            }
        }

        if (operation.Value.TryGetProperty("responses", out var responses))
        {
            foreach (var response in responses.EnumerateObject())
            {
                if (response.Value.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                    {
                        yield return ($"{root}/responses/{response.Name}/content/{Escape(media.Name)}", media.Value);
                    }
                }
            }
        }
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public void Dispose() => _shop.Dispose();
}
