using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using Checkout.Web.Features.Api.Auth;
using Checkout.Web.Features.Api.Docs;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
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
            json.AllowInputFormatterExceptionMessages = false; // System.Text.Json's English, with .NET type names, never reaches a client
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

    /// <summary>
    /// <c>validation_failed</c>, with each field the client got wrong and what is wrong with it, in the client's language:
    /// a field's own message from the resources, «the value is not valid» for a value that doesn't parse, and for a body
    /// that isn't JSON at all (or is missing) one error on <c>body</c>.
    /// </summary>
    private static ObjectResult InvalidBody(ActionContext context)
    {
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var bodies = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wholeBody = false;
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            if (key is "" or "$" || bodies.Contains(key))
            {
                wholeBody = true;
                continue;
            }

            fields[FieldName(key)] = entry.Errors.Select(e => Message(e, text)).Distinct(StringComparer.Ordinal).ToArray();
        }

        if (wholeBody && fields.Count == 0)
        {
            fields["body"] = [text["BodyNotJson"]];
        }

        return ApiProblem.Result(context.HttpContext, StatusCodes.Status400BadRequest, ApiCodes.ValidationFailed,
            extensions: new Dictionary<string, object?> { ["errors"] = fields });
    }

    /// <summary>A message of the shop's resources as it is; the framework's own (English, for a value that didn't parse or a missing field) in the client's language.</summary>
    private static string Message(ModelError error, IStringLocalizer<SharedResource> text)
    {
        if (error.Exception is null && error.ErrorMessage.Length > 0
            && text.GetAllStrings(includeParentCultures: true).Any(s => Matches(s.Value, error.ErrorMessage)))
        {
            return error.ErrorMessage;
        }

        return IsRequiredMessage(error.ErrorMessage) ? text["ApiFieldRequired"] : text["ValueInvalid"];
    }

    private static readonly string[] RequiredMessage = new RequiredAttribute().FormatErrorMessage("\0").Split('\0');

    private static bool IsRequiredMessage(string message) =>
        message.StartsWith(RequiredMessage[0], StringComparison.Ordinal) && message.EndsWith(RequiredMessage[^1], StringComparison.Ordinal);

    /// <summary>Whether <paramref name="message"/> is <paramref name="resource"/> with its <c>{0}</c>… placeholders filled.</summary>
    private static bool Matches(string resource, string message)
    {
        var pattern = "^" + Regex.Replace(Regex.Escape(resource), @"\\\{\d+(:[^}]*)?}", ".+") + "$";
        return Regex.IsMatch(message, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
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
