using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Checkout.Web.Data;
using Checkout.Web.Features.Api;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Infrastructure;

public static class WebSetup
{
    /// <summary>MVC with views, Kazakh texts from the resources, and the health check.</summary>
    public static IServiceCollection AddShopWeb(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Kazakh text, «quotes», dashes and ₸ go out as characters, not &#x…; entities (markup stays encoded as always).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic,
            UnicodeRanges.GeneralPunctuation, UnicodeRanges.CurrencySymbols));
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // The shop's forms and JSON bodies are a few short fields: anything bigger is refused (413) before it is read
                // (the product form, which carries a picture, has a limit of its own).
                options.Filters.Add(new BodySizeLimitFilter(BodySizeLimitFilter.FormBytes));
                options.Filters.Add(new RedirectLocationFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddHealthChecks().AddDbContextCheck<ShopDbContext>();
        return services;
    }

    /// <summary>Every page is served in Kazakh (kk-KZ); the API answers in the language its client asks for (see <see cref="ApiSetup.Languages"/>).</summary>
    public static IApplicationBuilder UseShopCulture(this IApplicationBuilder app)
    {
        var pages = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("kk-KZ"),
            SupportedCultures = [new CultureInfo("kk-KZ")],
            SupportedUICultures = [new CultureInfo("kk-KZ")],
        };
        var api = ApiSetup.Languages();
        return app
            .UseWhen(ApiProblem.IsApiRequest, branch => branch.UseRequestLocalization(api))
            .UseWhen(http => !ApiProblem.IsApiRequest(http), branch => branch.UseRequestLocalization(pages));
    }
}
