using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Checkout.Web.Features.Api.Docs;

public static class ApiDocsSetup
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    public const string ReferencePath = "/api/docs";

    /// <summary>The OpenAPI document of <c>/api/v1</c> at <c>/openapi/v1.json</c>.</summary>
    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        // The document's schemas are written with the minimal-API JSON options: the same snake_case as the controllers'.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ShopJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.Encoder = ShopJson.Options.Encoder;
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict; // integers, not "integer or string"
        });
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = IsApiOperation;
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    /// <summary>The document, and the interactive reference at <c>/api/docs</c> in Development or with <c>Api:Docs=true</c>.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        if (app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Docs)
        {
            app.MapScalarApiReference(ReferencePath, scalar => scalar
                .WithTitle("Checkout API")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableAgent() // Scalar's hosted assistant is a third party
                .DisableDefaultFonts() // the fonts would come from Scalar's CDN, which the shop's policy forbids
                .WithNonce()); // the page's one inline script runs by this per-request nonce, see SecurityHeaders
        }

        return app;
    }

    /// <summary>Only the API's controllers are documented: the pages are MVC controllers too.</summary>
    private static bool IsApiOperation(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.ActionDescriptor is ControllerActionDescriptor action
        && action.ControllerTypeInfo.IsSubclassOf(typeof(ApiController))
        && description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;
}
