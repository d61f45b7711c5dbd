using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Checkout.Web.Data;
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

    /// <summary>Every request is served in Kazakh (kk-KZ).</summary>
    public static IApplicationBuilder UseShopCulture(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("kk-KZ"),
            SupportedCultures = [new CultureInfo("kk-KZ")],
            SupportedUICultures = [new CultureInfo("kk-KZ")],
        });
}
