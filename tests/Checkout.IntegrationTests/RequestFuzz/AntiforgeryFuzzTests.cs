using Xunit.Abstractions;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// Every POST route with a well-formed body (form and JSON) but no, an empty, a garbled, a tampered or another shopper's
/// antiforgery token: a 4xx with a message of the shop's, and not one row of the database changed
/// (every failing case reported together).
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class AntiforgeryFuzzTests(FuzzWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task Bad_tokens_to_every_post_route_as_a_signed_in_shopper_get_a_4xx_with_a_message_and_change_nothing()
    {
        var (demo, run) = await Visitors.SignedInAsync(world);
        using (demo)
        {
            await run.SweepAsync(route => route.Paths(world), run.TokenCasesAsync);
        }

        Visitors.Report(run, output);
    }

    [Fact]
    public async Task Bad_tokens_to_every_post_route_as_a_guest_get_a_4xx_with_a_message_and_change_nothing()
    {
        var (guest, run) = await Visitors.GuestAsync(world);
        using (guest)
        {
            await run.SweepAsync(route => Visitors.GuestPaths(route, world), run.TokenCasesAsync);
        }

        Visitors.Report(run, output);
    }
}
