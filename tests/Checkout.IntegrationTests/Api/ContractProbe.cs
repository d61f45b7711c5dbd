using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.Api;

public static class ContractProbe
{
    /// <summary>A shop with the probe's endpoints (<see cref="ContractProbeController"/>) added to the API.</summary>
    public static ShopFactory Shop(IDictionary<string, string>? settings = null) => new()
    {
        Settings = settings ?? new Dictionary<string, string>(),
        TestServices = services => services.AddControllers().AddApplicationPart(typeof(ContractProbe).Assembly),
    };
}
