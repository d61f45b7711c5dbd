using Xunit.Abstractions;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// Every route with parameters, posted to with someone else's order, a missing one or a hostile value in them: refused
/// with a message whatever the body, even a well-formed one, and not one row of the database changed.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RoutePathFuzzTests(FuzzWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_route_values_as_a_signed_in_shopper_get_a_4xx_with_a_message_and_change_nothing()
    {
        var (demo, run) = await Visitors.SignedInAsync(world);
        using (demo)
        {
            await run.SweepAsync(
                route => HostileInputs.TokenCasesOnly.Contains(route.Pattern) ? [] : route.Paths(world).Where(p => p.Hostile),
                run.HostilePathCasesAsync);
        }

        Visitors.Report(run, output);
    }
}
