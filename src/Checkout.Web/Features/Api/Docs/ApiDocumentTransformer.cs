using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace Checkout.Web.Features.Api.Docs;

/// <summary>
/// The document as a whole: what the API is (money, cart tokens, idempotency, errors and every code with its title), the
/// bearer scheme, one problem details schema for every refusal, and an example on every answer and body that has none.
/// </summary>
internal sealed class ApiDocumentTransformer(IStringLocalizer<SharedResource> text) : IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "ProblemDetails";

    /// <summary>Every stable code, in the order <see cref="ApiCodes"/> lists them.</summary>
    public static IReadOnlyList<string> Codes { get; } = typeof(ApiCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var english = EnglishTitles();
        document.Info = new OpenApiInfo
        {
            Title = "Checkout API",
            Version = "v1",
            Description = Description(english),
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiOperationTransformer.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The access_token of POST /api/v1/auth/token, as Authorization: Bearer <token>. It expires after " +
                          "expires_in seconds; POST /api/v1/auth/refresh gives the next one.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();

        var examples = new ApiExamples(document, english);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                {
                    media.Example ??= examples.For(media.Schema);
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (!status.StartsWith('2') && response is OpenApiResponse refusal && refusal.Content?.ContainsKey(ApiProblem.ContentType) == true)
                    {
                        refusal.Content.Remove("application/json"); // a refusal is problem+json only, whatever the action produces
                    }

                    foreach (var (type, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
                    {
                        if (type.Contains("problem", StringComparison.Ordinal) || !status.StartsWith('2') && media.Schema is OpenApiSchemaReference { Reference.Id: ProblemSchema })
                        {
                            media.Schema = new OpenApiSchemaReference(ProblemSchema, document);
                            media.Example ??= examples.Problem(int.Parse(status, CultureInfo.InvariantCulture), path, operation.RequestBody is not null);
                        }
                        else
                        {
                            media.Example ??= examples.For(media.Schema);
                        }
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private Dictionary<string, string> EnglishTitles()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            return Codes.ToDictionary(code => code, code => text["Problem_" + code].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string Description(Dictionary<string, string> titles)
    {
        var codes = new StringBuilder();
        foreach (var (code, title) in titles)
        {
            codes.Append(CultureInfo.InvariantCulture, $"| `{code}` | {title} |\n");
        }

        return $$"""
            The JSON API of the Checkout shop for its mobile apps. Names are snake_case; times are UTC in ISO 8601.

            **Money** is an integer number of tiyn, the tenge's minor unit (1 ₸ = 100 tiyn), as Stripe counts amounts in
            minor units: `"total": 185348000` is 1 853 480 ₸. Never decimals, never whole tenge. Every object that holds money
            says its currency: `"currency": "KZT"`.

            **Signing in**: `POST /api/v1/auth/token` with the shopper's e-mail and password answers an `access_token` to send
            as `Authorization: Bearer …`, and a `refresh_token` for `POST /api/v1/auth/refresh`. The API reads bearer tokens
            only, never the shop's cookies, so it needs no antiforgery token.

            **Cart token**: `POST /api/v1/carts` answers a `cart_token`, an opaque signed string naming the cart; keep it and
            send it in the cart routes' path. Every cart answer hands out a fresh one (use the newest). A guest's cart token used
            with a bearer token merges that cart into the shopper's. An unknown token is `cart_not_found` (404), an expired one
            `cart_expired` (410).

            **Idempotency-Key**: `POST /api/v1/orders` takes a header `Idempotency-Key` (a UUID of your own per order attempt).
            Send the same key again after a lost answer and the first answer is replayed (with `Idempotent-Replayed: true`),
            nothing is charged twice; the same key with another body is `idempotency_key_reused`.

            **Errors** are RFC 9457 problem details (`application/problem+json`): `type`, `title` (Kazakh, Russian or English by
            `Accept-Language`, Kazakh by default), `status`, `detail`, and a stable `code` to branch on; `validation_failed`
            adds `errors`, each field as you wrote it with its messages. A refusal changes nothing. Bodies over 16 KB are
            `payload_too_large` (413); too many requests are `rate_limited` (429) with `Retry-After` in seconds.

            | code | title |
            |------|-------|
            {{codes}}
            """;
    }

    private static OpenApiSchema Problem()
    {
        static OpenApiSchema String(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details with the shop's stable code.",
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = String("urn:checkout:problem:{code}"),
                ["title"] = String("The code's title, in the language of Accept-Language."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status." },
                ["detail"] = String("What went wrong in this case."),
                ["instance"] = String("The path asked for."),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The stable code a client branches on (see the list in the description).",
                    Enum = Codes.Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
                },
                ["trace_id"] = String("The request's id in the shop's log."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "validation_failed only: each field, as the client wrote it, with its messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }
}
