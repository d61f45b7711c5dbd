namespace Checkout.Web.Data;

public static class SeedSetup
{
    /// <summary>The demo data's seeder and its settings (section <c>Seed</c>), checked at start.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section)
            .Validate(o => o.Directory is null || !string.IsNullOrWhiteSpace(o.Directory), "Seed:Directory must name a folder.")
            .ValidateOnStart();
        return services.AddScoped<DemoDataSeeder>();
    }
}
