using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Checkout.Web.Features.Api.Docs;

/// <summary>
/// Examples written from the schemas, so every answer and body in the reference shows one, and they stay true when a
/// model changes: values chosen by the field's name (money in tiyn, <c>"currency": "KZT"</c>), type and format.
/// </summary>
internal sealed class ApiExamples(OpenApiDocument document, IReadOnlyDictionary<string, string> titles)
{
    private const int MaxDepth = 8;

    public JsonNode? For(IOpenApiSchema? schema) => schema is null ? null : Value(schema, "", 0);

    /// <summary>A refusal such an operation gives with <paramref name="status"/>, in English.</summary>
    public JsonNode Problem(int status, string path, bool hasBody)
    {
        var code = status switch
        {
            400 => hasBody ? ApiCodes.ValidationFailed : ApiCodes.BadRequest,
            404 when path.Contains("/carts", StringComparison.Ordinal) => ApiCodes.CartNotFound,
            404 when path.Contains("/orders", StringComparison.Ordinal) => ApiCodes.OrderNotFound,
            404 when path.Contains("/products", StringComparison.Ordinal) => ApiCodes.ProductNotFound,
            409 when path.Contains("/orders", StringComparison.Ordinal) => ApiCodes.CartChanged,
            409 => ApiCodes.OutOfStock,
            410 => ApiCodes.CartExpired,
            422 => ApiCodes.CartEmpty,
            402 => ApiCodes.InsufficientFunds,
            _ => ApiProblem.CodeFor(status),
        };
        var problem = new JsonObject
        {
            ["type"] = ApiProblem.TypeBase + code,
            ["title"] = titles.GetValueOrDefault(code, code),
            ["status"] = status,
            ["detail"] = titles.GetValueOrDefault(code, code),
            ["instance"] = path,
            ["code"] = code,
            ["trace_id"] = "0HNA1B2C3D4E5:00000001",
        };
        if (code == ApiCodes.ValidationFailed)
        {
            problem["errors"] = new JsonObject { ["quantity"] = new JsonArray("The value is not valid") };
        }

        return problem;
    }

    private JsonNode? Value(IOpenApiSchema schema, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            return document.Components?.Schemas?.TryGetValue(id, out var target) == true ? Value(target, name, depth + 1) : null;
        }

        if (schema.Examples is [{ } given, ..])
        {
            return given.DeepClone();
        }

        if (schema.Enum is [var first, ..])
        {
            return first?.DeepClone();
        }

        var options = schema.OneOf ?? schema.AnyOf ?? schema.AllOf;
        if (options is { Count: > 0 })
        {
            var chosen = options.FirstOrDefault(o => o.Type is not JsonSchemaType.Null) ?? options[0];
            return Value(chosen, name, depth + 1);
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type.HasFlag(JsonSchemaType.Object) || type == 0 && schema.Properties is { Count: > 0 })
        {
            var item = new JsonObject();
            foreach (var (property, value) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                item[property] = Value(value, property, depth + 1);
            }

            return item;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            return schema.Items is null ? new JsonArray() : new JsonArray(Value(schema.Items, Singular(name), depth + 1));
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return Integer(name);
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            return 1.5;
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return true;
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return Text(name, schema.Format);
        }

        return null;
    }

    private static JsonNode Integer(string name) => name switch
    {
        "price" or "unit_price" or "cheapest_price" => 92_674_000L,
        "subtotal" or "line_total" or "total" or "expected_total" => 185_348_000L,
        "delivery" => 0L,
        "balance" or "new_balance" => 244_652_000L,
        "quantity" => 2,
        "page" => 1,
        "page_size" => 20,
        "expires_in" => 900,
        _ => 1,
    };

    private static JsonNode Text(string name, string? format) => (name, format) switch
    {
        (_, "date-time") => "2026-03-02T09:30:00Z",
        (_, "date") => "2026-03-02",
        (_, "uuid") => "5f0c8a4e-2b1d-4c7a-9e36-0d9b1f7a2c41",
        (_, "uri") => "https://checkout.example.kz/images/products/1.jpg",
        ("currency", _) => ApiController.Currency,
        ("email", _) => "demo@checkout.local",
        ("status", _) => "paid",
        ("token_type", _) => "Bearer",
        (_, _) when name.EndsWith("token", StringComparison.Ordinal) => "CfDJ8N4r…",
        _ => "string",
    };

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
