using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// A <c>returnUrl</c> with text that isn't ASCII (a search in Kazakh) comes back as a 302 whose <c>Location</c> is
/// percent-encoded ASCII and means the same path and query, after the work was done once: never a 500 that loses the
/// sign-in or makes a retry add the line twice. On a real port: Kestrel, not the in-memory server, refuses such a header.
/// </summary>
public sealed class ReturnUrlTests : IDisposable
{
    private const string KazakhSearch = "/products/1?q=қазақ телефон";

    private readonly ShopFactory _shop = new();

    public ReturnUrlTests()
    {
        _shop.UseKestrel(0);
        _shop.StartServer();
    }

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Login_with_a_kazakh_return_url_signs_in_and_goes_back_there()
    {
        using var shopper = _shop.CreateShopper();

        var response = await shopper.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword, KazakhSearch);

        AssertGoesBackTo(response, KazakhSearch);
        (await shopper.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in stuck");
    }

    [Fact]
    public async Task Register_with_a_kazakh_return_url_creates_the_account_once_and_its_confirmation_goes_back_there()
    {
        using var visitor = _shop.CreateShopper();
        var form = new Dictionary<string, string>
        {
            ["FullName"] = "Жаңа Сатып алушы",
            ["Email"] = "kazakh.search@checkout.local",
            ["Password"] = "Kazakh-Steppe-2026!",
            ["ConfirmPassword"] = "Kazakh-Steppe-2026!",
            ["ReturnUrl"] = KazakhSearch,
        };

        var registered = await visitor.PostFormAsync("/account/register", form);
        registered.StatusCode.Should().Be(HttpStatusCode.OK, "the visitor is asked to confirm from the mail");

        // The return address travels in the confirmation link; confirming signs in and goes back there.
        var confirmed = await visitor.ConfirmAsync(_shop.AccountMailTo("kazakh.search@checkout.local").Single());

        AssertGoesBackTo(confirmed, KazakhSearch);
        await using var db = _shop.OpenDatabase();
        (await db.Users.CountAsync(u => u.Email == "kazakh.search@checkout.local")).Should().Be(1);
    }

    [Fact]
    public async Task Cart_add_with_a_kazakh_return_url_adds_once_and_goes_back_there()
    {
        using var shopper = await _shop.SignedInAsync();

        var response = await shopper.PostFormAsync("/cart/add", new Dictionary<string, string>
        {
            ["productId"] = "1", ["quantity"] = "1", ["returnUrl"] = KazakhSearch,
        });

        AssertGoesBackTo(response, KazakhSearch);
        var cart = await shopper.GetPageAsync("/cart");
        cart.QuerySelector("tr[data-product-id='1'] input[name='quantity']")!.GetAttribute("value").Should().Be("1");
    }

    [Theory]
    [InlineData("/main?q=%D2%9B", "/main?q=%D2%9B")] // already encoded: left as it is, not encoded twice
    [InlineData("/main?q=a b", "/main?q=a%20b")]
    [InlineData("/products/1#қ", "/products/1#%D2%9B")]
    public async Task The_location_is_encoded_once(string returnUrl, string location)
    {
        using var shopper = await _shop.SignedInAsync();

        var response = await shopper.PostFormAsync("/cart/add", new Dictionary<string, string> { ["productId"] = "1", ["returnUrl"] = returnUrl });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.GetValues("Location").Should().Equal(location);
    }

    private static void AssertGoesBackTo(HttpResponseMessage response, string returnUrl)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.GetValues("Location").Single();
        location.Should().MatchRegex("^[!-~]+$", "a header is ASCII: the Kazakh letters and the space percent-encoded");
        Uri.UnescapeDataString(location).Should().Be(returnUrl, "it leads to the same path and query");
    }
}
