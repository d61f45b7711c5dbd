using Checkout.Web.Infrastructure;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Web.Features.Api.Docs;

/// <summary>
/// What every operation gets from the API's edge rather than from its own action: the bearer requirement of
/// <c>[Authorize]</c> (optional on the cart routes, where a token merges a guest cart), the refusals any body, token or
/// rate limit can bring (400, 401, 413, 415, 429 with <c>Retry-After</c>), and the <c>Idempotency-Key</c> header with
/// <c>Idempotent-Replayed</c> on the answers of an <c>[Idempotent]</c> action.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var route = description.RelativePath ?? "";
        var method = description.HttpMethod ?? HttpMethods.Get;
        var document = context.Document;
        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("204", out var empty) && empty is OpenApiResponse noContent)
        {
            noContent.Content = null; // the controller-wide JSON type doesn't give a 204 a body
        }

        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [bearer];
            AddProblem(operation, document, StatusCodes.Status401Unauthorized);
        }
        else if (route.StartsWith("api/v1/carts", StringComparison.OrdinalIgnoreCase))
        {
            operation.Security = [new OpenApiSecurityRequirement(), bearer]; // a guest, or a shopper whose guest cart merges
        }

        if (operation.RequestBody is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            AddProblem(operation, document, StatusCodes.Status400BadRequest);
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, document, StatusCodes.Status413PayloadTooLarge);
            AddProblem(operation, document, StatusCodes.Status415UnsupportedMediaType);
        }

        if (RateLimitingSetup.PolicyFor(method, route) is not null)
        {
            var limited = AddProblem(operation, document, StatusCodes.Status429TooManyRequests);
            limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
            limited.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next request.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }

        if (metadata.OfType<IdempotentAttribute>().Any())
        {
            DocumentIdempotency(operation);
        }

        return Task.CompletedTask;
    }

    private static void DocumentIdempotency(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => string.Equals(p.Name, IdempotencyKey.Header, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.Header,
                In = ParameterLocation.Header,
                Required = true,
                Description = "A key of your own (a UUID) per attempt: a repeat with the same key and body replays the first answer " +
                              "instead of doing it again; the same key with another body is refused (idempotency_key_reused).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
                Example = System.Text.Json.Nodes.JsonValue.Create("5f0c8a4e-2b1d-4c7a-9e36-0d9b1f7a2c41"),
            });
        }

        foreach (var (status, response) in operation.Responses!)
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[IdempotencyKey.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "\"true\" when this answer is the replay of an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
                };
            }
        }
    }

    /// <summary>The operation's problem answer for <paramref name="status"/>, added when its action doesn't document one.</summary>
    private static OpenApiResponse AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse documented)
        {
            return documented;
        }

        var response = new OpenApiResponse
        {
            Description = ReasonPhrases(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiProblem.ContentType] = new() { Schema = new OpenApiSchemaReference(ApiDocumentTransformer.ProblemSchema, document) },
            },
        };
        operation.Responses[key] = response;
        return response;
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
