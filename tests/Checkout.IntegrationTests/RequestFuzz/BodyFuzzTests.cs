using Xunit.Abstractions;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// Every POST route with a valid token and a bad body: broken or hostile JSON, hostile values in every field and in each
/// bound field alone, another shopper's card, an empty body, over 1 MB — a 4xx with a message of the shop's, and not one
/// row of the database changed. A guest's well-formed request to a route that needs a sign-in is refused all the same.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class BodyFuzzTests(FuzzWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task Bad_bodies_to_every_post_route_as_a_signed_in_shopper_get_a_4xx_with_a_message_and_change_nothing()
    {
        var (demo, run) = await Visitors.SignedInAsync(world);
        using (demo)
        {
            await run.SweepAsync(
                route => HostileInputs.TokenCasesOnly.Contains(route.Pattern) ? [] : route.Paths(world).Where(p => !p.Hostile),
                async (route, path) =>
                {
                    await run.JsonCasesAsync(route, path, oversized: true);
                    await run.FormCasesAsync(route, path, perField: true, oversized: true);
                });
        }

        Visitors.Report(run, output);
    }

    [Fact]
    public async Task Bad_bodies_to_every_post_route_as_a_guest_get_a_4xx_with_a_message_and_change_nothing()
    {
        var (guest, run) = await Visitors.GuestAsync(world);
        using (guest)
        {
            await run.SweepAsync(
                route => HostileInputs.TokenCasesOnly.Contains(route.Pattern) ? [] : Visitors.GuestPaths(route, world),
                async (route, path) =>
                {
                    if (route.NeedsLogin || route.Pattern == "/process_payment")
                    {
                        // Well-formed and properly signed, but from nobody: refused all the same (SPEC: 401 on
                        // /process_payment, which opts out of [Authorize] only to answer that 401 in JSON itself).
                        await run.SendAsync(route, path, "guest, valid token, well-formed form", FuzzRun.Form(route.GoodValues(), run.Token), headerToken: null);
                    }

                    await run.JsonCasesAsync(route, path, oversized: false);
                    await run.FormCasesAsync(route, path, perField: false, oversized: false);
                });
        }

        Visitors.Report(run, output);
    }
}
