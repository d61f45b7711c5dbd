using Microsoft.Extensions.FileProviders;

namespace Checkout.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>The admin's product pictures, kept in <c>uploads</c> in the data folder.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, string dataDirectory) =>
        services.AddSingleton(new ProductImages(Path.Combine(dataDirectory, "uploads")));

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
