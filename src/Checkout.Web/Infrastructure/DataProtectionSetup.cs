using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Checkout.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>The keys that sign auth cookies and antiforgery tokens, shared by every instance through the database.</summary>
    public static IServiceCollection AddShopDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Checkout");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseKeyRepository(scopes));
        return services;
    }
}
