using Xunit.Abstractions;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// The fuzzer posts to every route the running shop accepts a POST on, found from its endpoints, so routes added later
/// are covered without touching the tests; this holds the enumeration to the routes known today.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RouteDiscoveryTests(FuzzWorld world, ITestOutputHelper output)
{
    [Fact]
    public void The_enumeration_finds_every_post_route_known_today()
    {
        var found = PostRoute.Of(world.Shop).Select(r => r.Pattern).ToList();
        output.WriteLine($"POST routes: {string.Join(", ", found)}");

        found.Should().Contain(HostileInputs.KnownRoutes);
    }
}
