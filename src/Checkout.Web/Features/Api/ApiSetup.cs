using System.Globalization;
using System.Text.Json;
using Checkout.Web.Features.Api.Auth;
using Checkout.Web.Features.Api.Docs;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api;

public static class ApiSetup
{
    /// <summary>Picks the scheme by path: bearer tokens for <c>/api</c>, the sign-in cookie for the pages.</summary>
    private const string ByPath = "ShopByPath";

    /// <summary>
    /// The JSON API (<c>/api/v1</c>, section <c>Api</c>, checked at start): bearer tokens for <c>/api</c> and the cookie
    /// everywhere else, snake_case JSON, problem details for refusals and invalid bodies, CORS for the configured origins,
    /// and the OpenAPI document. Call after <c>AddAccounts</c>: it takes over the default scheme Identity set.
    /// </summary>
    public static IServiceCollection AddShopApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero, "Api:AccessTokenLifetime must be positive.")
            .Validate(o => o.RefreshTokenLifetime > TimeSpan.Zero, "Api:RefreshTokenLifetime must be positive.")
            .Validate(o => o.CartTokenLifetime > TimeSpan.Zero, "Api:CartTokenLifetime must be positive.")
            .Validate(o => o.CorsOrigins.All(IsOrigin), "Api:CorsOrigins must hold origins such as https://app.example.kz (scheme, host and port only).")
            .ValidateOnStart();

        services.AddAuthentication()
            .AddBearerToken(ApiTokens.Scheme)
            .AddPolicyScheme(ByPath, ByPath, scheme => scheme.ForwardDefaultSelector = http =>
                ApiProblem.IsApiRequest(http) ? ApiTokens.Scheme : IdentityConstants.ApplicationScheme);
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = ByPath;
            options.DefaultAuthenticateScheme = ByPath;
            options.DefaultChallengeScheme = ByPath;
            options.DefaultForbidScheme = ByPath;
        });
        services.AddOptions<BearerTokenOptions>(ApiTokens.Scheme).Configure<IOptions<ApiOptions>>((bearer, api) =>
        {
            bearer.BearerTokenExpiration = api.Value.AccessTokenLifetime;
            bearer.RefreshTokenExpiration = api.Value.RefreshTokenLifetime;
        });

        services.Configure<JsonOptions>(json =>
        {
            json.JsonSerializerOptions.PropertyNamingPolicy = ShopJson.Options.PropertyNamingPolicy;
            json.JsonSerializerOptions.Encoder = ShopJson.Options.Encoder;
        });
        services.Configure<ApiBehaviorOptions>(api =>
        {
            api.SuppressMapClientErrors = true; // a bare 4xx goes to the error handler, which answers with our problem details
            api.InvalidModelStateResponseFactory = InvalidBody;
        });


        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(api.Value.CorsOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .WithHeaders("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key")
                .WithExposedHeaders("Retry-After", "Idempotent-Replayed", "Location")));

        services.AddScoped<ApiTokens>();
        services.AddSingleton<CartTokens>();
        services.AddScoped<ApiCarts>();
        services.AddApiAuth();
        services.AddApiDocs();
        return services;
    }

    /// <summary>
    /// The API's languages: Kazakh by default, Russian or English when <c>Accept-Language</c> asks (the pages stay Kazakh),
    /// then CORS for <c>/api</c>. Call after routing.
    /// </summary>
    public static IApplicationBuilder UseShopApi(this IApplicationBuilder app) =>
        app.UseWhen(ApiProblem.IsApiRequest, api => api.UseCors());

    /// <summary>The request localization of <c>/api</c>: the first of kk, ru, en that <c>Accept-Language</c> names.</summary>
    public static RequestLocalizationOptions Languages()
    {
        CultureInfo[] cultures = [new("kk-KZ"), new("kk"), new("ru-RU"), new("ru"), new("en-US"), new("en")];
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("kk-KZ"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
        };
    }

    /// <summary><c>validation_failed</c>, with each field the client got wrong and what is wrong with it.</summary>
    private static ObjectResult InvalidBody(ActionContext context)
    {
        var fields = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .ToDictionary(entry => FieldName(entry.Key), entry => entry.Value!.Errors.Select(e => e.ErrorMessage).ToArray());
        return ApiProblem.Result(context.HttpContext, StatusCodes.Status400BadRequest, ApiCodes.ValidationFailed,
            extensions: new Dictionary<string, object?> { ["errors"] = fields });
    }

    /// <summary>A model-state key as the client wrote it: <c>$.payment.card_id</c> or <c>Quantity</c> → <c>payment.card_id</c>, <c>quantity</c>.</summary>
    private static string FieldName(string key)
    {
        var path = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key == "$" ? "" : key;
        return string.Join('.', path.Split('.').Select(part => JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && uri.GetLeftPart(UriPartial.Authority) == origin.TrimEnd('/') && !origin.EndsWith('/');
}
