namespace Checkout.Web.Features.Catalog;

public static class CatalogSetup
{
    /// <summary>The catalogue query the pages and the API share.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services) => services.AddScoped<CatalogQuery>();
}
