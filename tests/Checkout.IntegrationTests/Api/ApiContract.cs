using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document as a contract real answers are held to: <see cref="CheckAsync"/> takes any answer of the shop,
/// finds its operation by the request's method and path, and fails unless the status is documented there and the body
/// validates against the documented schema (OpenAPI 3.1 schemas are JSON Schema 2020-12; the document is registered so
/// <c>#/components/schemas/…</c> resolve). One line per exchange: <c>await contract.CheckAsync(response)</c>.
/// </summary>
public sealed class ApiContract
{
    private static readonly Uri DocumentUri = new("https://checkout.test/openapi/v1.json");

    private readonly JsonElement _document;

    private readonly BuildOptions _build;

    private ApiContract(JsonElement document)
    {
        _document = document;
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(document, DocumentUri));
        _build = new BuildOptions { SchemaRegistry = registry };
        Operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => new ApiOperation(op.Name.ToUpperInvariant(), path.Name)))
            .ToList();
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>How many answers were held to the document.</summary>
    public int Checks { get; private set; }

    private readonly HashSet<ApiOperation> _covered = [];

    /// <summary>The operations at least one checked answer belonged to.</summary>
    public IReadOnlyCollection<ApiOperation> Covered => _covered;

    public JsonElement Document => _document;

    public static async Task<ApiContract> LoadAsync(ShopFactory shop)
    {
        using var app = ApiClient.Anonymous(shop);
        using var response = await app.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new ApiContract(await ApiClient.ReadJsonAsync(response));
    }

    /// <summary>Fails unless <paramref name="response"/>'s status is documented for its operation and its body validates.</summary>
    public async Task CheckAsync(HttpResponseMessage response)
    {
        var problems = await ProblemsAsync(response);
        problems.Should().BeEmpty();
    }

    /// <summary>What is wrong with an answer by the document (empty when nothing).</summary>
    public async Task<List<string>> ProblemsAsync(HttpResponseMessage response)
    {
        Checks++;
        var request = response.RequestMessage!;
        var method = request.Method.Method.ToUpperInvariant();
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        var operation = Operations.FirstOrDefault(o => o.Method == method && o.Matches(path));
        if (operation is null)
        {
            return [$"{method} {path}: no such operation in the document"];
        }

        _covered.Add(operation);

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = _document.GetProperty("paths").GetProperty(operation.Template).GetProperty(operation.Method.ToLowerInvariant()).GetProperty("responses");
        if (!responses.TryGetProperty(status, out var documented))
        {
            return [$"{operation}: answered {status}, which the document doesn't list ({string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})"];
        }

        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!documented.TryGetProperty("content", out var content))
        {
            return body.Length == 0 ? [] : [$"{operation} {status}: a body where the document has none"];
        }

        if (mediaType is null || !content.TryGetProperty(mediaType, out _))
        {
            return [$"{operation} {status}: content type {mediaType ?? "none"}, the document lists {string.Join(", ", content.EnumerateObject().Select(c => c.Name))}"];
        }

        var pointer = $"#/paths/{Escape(operation.Template)}/{operation.Method.ToLowerInvariant()}/responses/{status}/content/{Escape(mediaType)}/schema";
        using var json = JsonDocument.Parse(body);
        return Validate(pointer, json.RootElement).Select(e => $"{operation} {status}: {e} in {ApiClientShorten(body)}").ToList();
    }

    /// <summary>What is wrong with <paramref name="value"/> by the schema at <paramref name="pointer"/> in the document.</summary>
    public IEnumerable<string> Validate(string pointer, JsonElement value)
    {
        var wrapper = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = DocumentUri + UriFragment(pointer) };
        var schema = JsonSchema.FromText(wrapper.ToJsonString(), _build, new Uri($"https://checkout.test/check/{Guid.NewGuid():N}"));
        var result = schema.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid");
    }

    /// <summary>A JSON pointer as a URI fragment: each segment percent-encoded (<c>{id}</c>, <c>+</c>).</summary>
    private static string UriFragment(string pointer) => string.Join('/', pointer.Split('/').Select((part, i) => i == 0 ? part : Uri.EscapeDataString(part)));

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string ApiClientShorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}

/// <summary>A documented operation: its method and path template (<c>/api/v1/carts/{token}/lines</c>).</summary>
public sealed record ApiOperation(string Method, string Template)
{
    private Regex Pattern => new("^" + Regex.Replace(Regex.Escape(Template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public bool Matches(string path) => Pattern.IsMatch(path);

    /// <summary>The path with every parameter filled by <paramref name="value"/>.</summary>
    public string Fill(string value) => Regex.Replace(Template, @"\{[^}]+}", value);

    public override string ToString() => $"{Method} {Template}";
}
