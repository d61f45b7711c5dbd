using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>The admin's product pictures, kept in <c>uploads</c> in the data folder, and their settings (section <c>ProductImages</c>).</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<ProductImageOptions>().BindConfiguration(ProductImageOptions.Section)
            .Validate(o => o.MaxBytes is >= 1024 and <= 16 * 1024 * 1024, "ProductImages:MaxBytes must be between 1024 (1 KB) and 16777216 (16 MB).")
            .ValidateOnStart();
        return services.AddSingleton(provider =>
            new ProductImages(Path.Combine(dataDirectory, "uploads"), provider.GetRequiredService<IOptions<ProductImageOptions>>().Value.MaxBytes));
    }

    /// <summary>Serves the uploaded pictures under <see cref="ProductImages.RequestPath"/>.</summary>
    public static IApplicationBuilder UseProductImages(this IApplicationBuilder app)
    {
        var uploads = app.ApplicationServices.GetRequiredService<ProductImages>().Directory;
        Directory.CreateDirectory(uploads);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(uploads),
            RequestPath = ProductImages.RequestPath,
        });
    }
}
