using System.Net;
using Xunit.Abstractions;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// The two visitors every attack family is tried as: the demo shopper with a cart that can be paid for (signed in by
/// cookie for the pages and by bearer token for the API), and a guest.
/// </summary>
internal static class Visitors
{
    /// <summary>A cart that can be paid for: a payment the checks failed to refuse would show in the database.</summary>
    public static async Task<(Shopper Visitor, FuzzRun Run)> SignedInAsync(FuzzWorld world)
    {
        var demo = await world.Shop.SignedInAsync();
        if (!(await demo.Http.GetStringAsync(new Uri("/cart", UriKind.Relative))).Contains("data-product-id=\"1\"", StringComparison.Ordinal))
        {
            (await demo.AddToCartAsync(1, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        // The API reads bearer tokens only: the same visitor carries one, so /api routes see the demo shopper too.
        using (var app = await ApiClient.ForShopperAsync(world.Shop))
        {
            demo.Http.DefaultRequestHeaders.Authorization = app.Http.DefaultRequestHeaders.Authorization;
        }

        return (demo, new FuzzRun(world.Shop, world, demo, await demo.TokenAsync(), signedIn: true));
    }

    public static async Task<(Shopper Visitor, FuzzRun Run)> GuestAsync(FuzzWorld world)
    {
        var guest = world.Shop.CreateShopper();
        return (guest, new FuzzRun(world.Shop, world, guest, await guest.TokenAsync(), signedIn: false));
    }

    /// <summary>A guest tries one hostile path value per route parameter; the signed-in shopper tries them all.</summary>
    public static IEnumerable<FuzzPath> GuestPaths(PostRoute route, FuzzWorld world) =>
        route.Paths(world).Where(p => !p.Hostile || p.Value == "abc");

    public static void Report(FuzzRun run, ITestOutputHelper output)
    {
        output.WriteLine(run.Summary);
        run.Report();
    }
}
