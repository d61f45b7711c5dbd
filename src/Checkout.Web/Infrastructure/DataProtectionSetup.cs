using Checkout.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Checkout.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>The keys that sign auth cookies and antiforgery tokens, shared by every instance through the database.</summary>
    public static IServiceCollection AddShopDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Checkout").PersistKeysToDbContext<ShopDbContext>();
        return services;
    }
}
