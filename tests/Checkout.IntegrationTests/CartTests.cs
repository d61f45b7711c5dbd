using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

public sealed class CartTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_guest_adds_changes_and_removes_lines_and_sees_the_subtotal()
    {
        using var guest = _shop.CreateShopper();

        (await guest.AddToCartAsync(1, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await guest.AddToCartAsync(2, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cart = await guest.GetPageAsync("/cart");
        cart.QuerySelectorAll("tr[data-product-id]").Should().HaveCount(2);
        cart.QuerySelector("[data-subtotal]")!.TextContent.Should().Be("2 786 970 ₸");

        await guest.UpdateCartAsync(2, 3);
        await guest.RemoveFromCartAsync(1);

        cart = await guest.GetPageAsync("/cart");
        cart.QuerySelectorAll("tr[data-product-id]").Should().ContainSingle()
            .Which.QuerySelector("input[name='quantity']")!.GetAttribute("value").Should().Be("3");
        cart.QuerySelector("[data-subtotal]")!.TextContent.Should().Be("2 804 970 ₸");
        cart.Body!.TextContent.Should().Contain("Төлеуге өту");
    }

    [Fact]
    public async Task The_header_counts_the_items_in_the_cart()
    {
        using var guest = _shop.CreateShopper();
        (await guest.GetPageAsync("/main")).QuerySelector("[data-cart-count]")!.TextContent.Should().Be("0");

        await guest.AddToCartAsync(1, 2);
        await guest.AddToCartAsync(2, 1);

        (await guest.GetPageAsync("/main")).QuerySelector("[data-cart-count]")!.TextContent.Should().Be("3");
    }

    [Fact]
    public async Task An_empty_cart_says_Себет_бос()
    {
        using var guest = _shop.CreateShopper();

        var cart = await guest.GetPageAsync("/cart");

        cart.QuerySelector(".empty-title")!.TextContent.Should().Be("Себет бос");
    }

    [Theory]
    [InlineData("999", "1", HttpStatusCode.NotFound, "Мұндай тауар табылмады")]
    [InlineData("abc", "1", HttpStatusCode.NotFound, "Мұндай тауар табылмады")]
    [InlineData("", "1", HttpStatusCode.NotFound, "Мұндай тауар табылмады")]
    [InlineData("1", "0", HttpStatusCode.BadRequest, "Саны 1-ден 99-ға дейін болуы керек")]
    [InlineData("1", "100", HttpStatusCode.BadRequest, "Саны 1-ден 99-ға дейін болуы керек")]
    [InlineData("1", "-5", HttpStatusCode.BadRequest, "Саны 1-ден 99-ға дейін болуы керек")]
    [InlineData("1", "two", HttpStatusCode.BadRequest, "Саны 1-ден 99-ға дейін болуы керек")]
    [InlineData("1", "99999999999", HttpStatusCode.BadRequest, "Саны 1-ден 99-ға дейін болуы керек")]
    public async Task Bad_add_gets_a_clear_message_and_changes_nothing(string productId, string quantity, HttpStatusCode status, string message)
    {
        using var guest = _shop.CreateShopper();
        await guest.AddToCartAsync(2, 1);
        var before = await ShopState.ReadAsync(_shop);

        var response = await guest.PostFormAsync("/cart/add", new Dictionary<string, string> { ["productId"] = productId, ["quantity"] = quantity });

        response.StatusCode.Should().Be(status);
        (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.Should().Be(message);
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_line_can_not_grow_past_the_line_limit()
    {
        using var guest = _shop.CreateShopper();
        await guest.AddToCartAsync(1, 4);

        var response = await guest.AddToCartAsync(1, 7);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = _shop.OpenDatabase();
        (await db.CartLines.SingleAsync()).Quantity.Should().Be(4);
    }

    [Theory]
    [InlineData("/cart/add")]
    [InlineData("/cart/update")]
    [InlineData("/cart/remove")]
    public async Task Cart_posts_without_antiforgery_token_are_refused(string path)
    {
        using var guest = _shop.CreateShopper();
        await guest.AddToCartAsync(1, 1);
        var before = await ShopState.ReadAsync(_shop);

        var response = await guest.PostFormAsync(path, new Dictionary<string, string> { ["productId"] = "1", ["quantity"] = "5" }, withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).Body!.TextContent.Should().Contain("Сұраныс жарамсыз");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Changing_a_line_that_is_not_in_the_cart_says_so()
    {
        using var guest = _shop.CreateShopper();
        await guest.AddToCartAsync(1, 1);

        var response = await guest.UpdateCartAsync(2, 3);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.Should().Be("Бұл тауар себетте жоқ");
    }

    [Fact]
    public async Task A_guest_cart_merges_into_the_shoppers_cart_at_login()
    {
        using (var earlier = _shop.CreateShopper())
        {
            await earlier.LoginAsync();
            await earlier.AddToCartAsync(1, 1);
        }

        using var guest = _shop.CreateShopper();
        await guest.AddToCartAsync(1, 2);
        await guest.AddToCartAsync(2, 1);
        await guest.LoginAsync();

        var cart = await guest.GetPageAsync("/cart");
        cart.QuerySelector("tr[data-product-id='1'] input[name='quantity']")!.GetAttribute("value").Should().Be("3");
        cart.QuerySelector("tr[data-product-id='2'] input[name='quantity']")!.GetAttribute("value").Should().Be("1");
        await using var db = _shop.OpenDatabase();
        (await db.Carts.CountAsync()).Should().Be(1, "the guest cart is folded into the shopper's and removed");
    }

    [Fact]
    public async Task Another_visitor_never_sees_my_cart()
    {
        using var me = _shop.CreateShopper();
        using var stranger = _shop.CreateShopper();
        await me.AddToCartAsync(1, 2);

        (await stranger.GetPageAsync("/cart")).QuerySelector(".empty-title")!.TextContent.Should().Be("Себет бос");
    }
}
