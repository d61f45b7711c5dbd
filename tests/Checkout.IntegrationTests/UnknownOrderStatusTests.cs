using System.Net;
using Checkout.Web.Domain;
using Checkout.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Checkout.Testing;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// A status name this code doesn't know (a newer version wrote it, or a hand edit) is shown as unknown, allows no step,
/// is never overwritten, and <c>verify</c> names the order — rather than failing every page that lists it, or guessing.
/// </summary>
public sealed class UnknownOrderStatusTests : IDisposable
{
    private const string FromTheFuture = "awaiting_gateway";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task An_order_in_an_unknown_state_is_shown_as_such_and_refuses_every_step()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);
        await WriteStatusAsync(number, FromTheFuture);
        var balance = await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold);

        (await PageStatusAsync(shopper, $"/orders/{number}")).Should().Be(("unknown", "Белгісіз күй"));
        var page = await OkPageAsync(shopper, $"/orders/{number}");
        page.QuerySelector("#cancel-order").Should().BeNull();
        page.QuerySelector("#return-form").Should().BeNull();
        (await OkPageAsync(shopper, "/orders")).QuerySelector($"tr[data-order-number='{number}'] .status")!.GetAttribute("data-status").Should().Be("unknown");

        var adminPage = await OkPageAsync(admin, $"/admin/orders/{number}");
        adminPage.QuerySelectorAll("[data-next-status]").Should().BeEmpty();
        adminPage.QuerySelector(".summary")!.TextContent.Should().Contain("Бұл күйден әрі өзгерту жоқ");
        (await OkPageAsync(admin, "/admin/orders")).QuerySelector($"tr[data-order-number='{number}']").Should().NotBeNull();
        (await OkPageAsync(admin, "/admin")).QuerySelector("[data-status-count='pending']").Should().NotBeNull();

        (await CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await SetStatusAsync(admin, number, OrderStatus.Processing)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await SetStatusAsync(admin, number, OrderStatus.Cancelled)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await RequestReturnAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApproveAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await ReadStatusAsync(number)).Should().Be(FromTheFuture, "the stored name is kept, not replaced by a guess");
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(balance, "nothing was refunded");
    }

    [Fact]
    public async Task Verify_names_an_order_in_an_unknown_state()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        var number = await PlaceAsync(shopper);
        await _shop.WaitForOutboxAsync();
        await WriteStatusAsync(number, FromTheFuture);

        await using var output = new StringWriter();
        var exit = await VerifyCommand.RunAsync(_shop.Services, [], output);

        exit.Should().Be(1, output.ToString());
        output.ToString().Should().Contain($"order {number} (card): its status is not one the shop knows");
    }

    /// <summary>The page renders (200), not an error page.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> OkPageAsync(Shopper viewer, string path)
    {
        var response = await viewer.Http.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await Shopper.ParseAsync(response);
    }

    private async Task WriteStatusAsync(string number, string status)
    {
        await using var db = _shop.OpenDatabase();
        (await db.Database.ExecuteSqlAsync($"""UPDATE "Orders" SET "Status" = {status} WHERE "Number" = {number}""")).Should().Be(1);
    }

    private async Task<string> ReadStatusAsync(string number)
    {
        await using var db = _shop.OpenDatabase();
        return await db.Database.SqlQuery<string>($"""SELECT "Status" AS "Value" FROM "Orders" WHERE "Number" = {number}""").SingleAsync();
    }
}
