using System.Net;
using System.Text.Json;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// The catalogue for the apps (<c>GET /api/v1/products</c>, <c>/{id}</c>): the pages' products with the pages' numbers,
/// money in tiyn. The demo data has 18 products, all on sale; product 1 is «Apple iPhone 17 Pro Max», Оранжевый, 925 990 ₸.
/// </summary>
public sealed class ApiCatalogTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task The_list_shows_each_product_at_its_cheapest_price_in_tiyn_with_its_stores_and_units()
    {
        using var app = ApiClient.Anonymous(_shop);

        var page = await ListAsync(app, "");

        page.GetProperty("page").GetInt32().Should().Be(1);
        page.GetProperty("page_size").GetInt32().Should().Be(20);
        page.GetProperty("total_items").GetInt32().Should().Be(18);
        page.GetProperty("total_pages").GetInt32().Should().Be(1);
        Ids(page).Should().BeInAscendingOrder().And.HaveCount(18);
        var iphone = page.GetProperty("items")[0];
        iphone.GetProperty("id").GetInt32().Should().Be(1);
        iphone.GetProperty("name").GetString().Should().Be("Apple iPhone 17 Pro Max");
        iphone.GetProperty("color").GetString().Should().Be("Оранжевый");
        iphone.GetProperty("storage").GetString().Should().Be("256GB");
        iphone.GetProperty("category").GetString().Should().Be("Смартфондар");
        iphone.GetProperty("price").GetInt64().Should().Be(92_599_000);
        iphone.GetProperty("currency").GetString().Should().Be("KZT");
        iphone.GetProperty("stores").GetInt32().Should().Be(1);
        iphone.GetProperty("available").GetInt32().Should().Be(100);
        iphone.GetProperty("image_url").GetString().Should().Be("/images/products/iphone-17-pro-max-orange.svg");
        page.GetProperty("items")[4].GetProperty("stores").GetInt32().Should().Be(4, "product 5 is sold by four stores");
    }

    [Theory]
    [InlineData("q=IPHONE", new[] { 1, 2, 4 })]
    [InlineData("q=%20galaxy%20", new[] { 3, 5, 11, 15 })]
    [InlineData("category=%D0%9D%D0%BE%D1%83%D1%82%D0%B1%D1%83%D0%BA%D1%82%D0%B5%D1%80", new[] { 7, 8, 9 })] // Ноутбуктер
    [InlineData("q=galaxy&category=%D0%A1%D0%BC%D0%B0%D1%80%D1%82%D1%84%D0%BE%D0%BD%D0%B4%D0%B0%D1%80", new[] { 3, 5 })] // Смартфондар
    [InlineData("category=%D0%BD%D0%BE%D1%83%D1%82%D0%B1%D1%83%D0%BA%D1%82%D0%B5%D1%80", new int[0])] // ноутбуктер: exact, case too
    [InlineData("q=50%25", new int[0])] // a % is a character, not a wildcard
    public async Task Search_is_by_name_in_any_case_and_category_is_exact(string query, int[] ids)
    {
        using var app = ApiClient.Anonymous(_shop);

        var page = await ListAsync(app, query);

        Ids(page).Should().Equal(ids);
        page.GetProperty("total_items").GetInt32().Should().Be(ids.Length);
        page.GetProperty("total_pages").GetInt32().Should().Be(ids.Length == 0 ? 0 : 1);
    }

    [Fact]
    public async Task Sorting_is_by_cheapest_price_either_way_or_by_name_in_any_case()
    {
        using var app = ApiClient.Anonymous(_shop);

        var cheapest = await ListAsync(app, "sort=price_asc");
        var dearest = await ListAsync(app, "sort=price_desc");
        var byName = await ListAsync(app, "sort=name");

        Prices(cheapest).Should().BeInAscendingOrder();
        Ids(cheapest)[0].Should().Be(18, "Redmi Buds 6 Pro sell from 29 990 ₸");
        Prices(dearest).Should().BeInDescendingOrder();
        Ids(dearest)[0].Should().Be(2, "the deep-blue iPhone's cheapest offer, 934 990 ₸, is the dearest of all");
        var names = byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        names.Should().BeInAscendingOrder(StringComparer.OrdinalIgnoreCase);
        names.IndexOf("ASUS ROG Strix G16").Should().BeGreaterThan(names.IndexOf("Apple Watch Series 11"));
    }

    [Fact]
    public async Task Pages_split_the_list_and_say_how_many_there_are()
    {
        using var app = ApiClient.Anonymous(_shop);

        var last = await ListAsync(app, "page=4&page_size=5");
        var beyond = await ListAsync(app, "page=9&page_size=5");

        Ids(last).Should().Equal(16, 17, 18);
        last.GetProperty("page").GetInt32().Should().Be(4);
        last.GetProperty("page_size").GetInt32().Should().Be(5);
        last.GetProperty("total_items").GetInt32().Should().Be(18);
        last.GetProperty("total_pages").GetInt32().Should().Be(4);
        Ids(beyond).Should().BeEmpty();
        beyond.GetProperty("total_items").GetInt32().Should().Be(18);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=101", "page_size")]
    [InlineData("page_size=ten", "page_size")]
    [InlineData("sort=cheap", "sort")]
    [InlineData("sort=PRICE_ASC", "sort")]
    public async Task A_parameter_out_of_range_is_validation_failed_naming_it(string query, string field)
    {
        using var app = ApiClient.Anonymous(_shop);

        using var response = await app.GetAsync("/api/v1/products?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("validation_failed");
        var errors = (await ApiClient.ReadJsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal(field);
        errors.GetProperty(field)[0].GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_field_error_is_told_in_the_language_asked_for()
    {
        using var app = ApiClient.Anonymous(_shop);
        app.Http.DefaultRequestHeaders.Add("Accept-Language", "en");

        using var response = await app.GetAsync("/api/v1/products?page_size=500");

        var errors = (await ApiClient.ReadJsonAsync(response)).GetProperty("errors");
        errors.GetProperty("page_size")[0].GetString().Should().Be("«page_size» must be from 1 to 100");
    }

    [Fact]
    public async Task A_product_shows_every_stores_price_cheapest_first()
    {
        using var app = ApiClient.Anonymous(_shop);

        using var response = await app.GetAsync("/api/v1/products/5");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var product = await ApiClient.ReadJsonAsync(response);
        product.GetProperty("name").GetString().Should().Be("Samsung Galaxy S25 Ultra");
        product.GetProperty("price").GetInt64().Should().Be(68_999_000);
        product.GetProperty("currency").GetString().Should().Be("KZT");
        product.GetProperty("stores").GetInt32().Should().Be(4);
        product.GetProperty("available").GetInt32().Should().Be(45);
        product.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        var offers = product.GetProperty("offers").EnumerateArray().ToList();
        offers.Select(o => o.GetProperty("price").GetInt64()).Should().Equal(68_999_000, 69_999_000, 70_499_000, 70_999_000);
        offers.Should().AllSatisfy(o =>
        {
            o.GetProperty("store").GetString().Should().NotBeNullOrWhiteSpace();
            o.GetProperty("currency").GetString().Should().Be("KZT");
        });
    }

    [Theory]
    [InlineData("/api/v1/products/999")]
    [InlineData("/api/v1/products/0")]
    public async Task An_unknown_product_is_product_not_found(string path)
    {
        using var app = ApiClient.Anonymous(_shop);

        using var response = await app.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("product_not_found");
    }

    [Fact]
    public async Task Units_held_by_another_cart_are_not_available_but_a_shoppers_own_are()
    {
        using var demo = await _shop.SignedInAsync();
        (await demo.AddToCartAsync(3, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var guest = ApiClient.Anonymous(_shop);
        using var owner = await ApiClient.ForShopperAsync(_shop);

        var seenByGuest = await ListAsync(guest, "q=a56");
        var seenByOwner = await ListAsync(owner, "q=a56");

        seenByGuest.GetProperty("items")[0].GetProperty("available").GetInt32().Should().Be(1, "3 in stock, 2 held by the demo shopper's cart");
        seenByOwner.GetProperty("items")[0].GetProperty("available").GetInt32().Should().Be(3, "the demo shopper's own reservation is theirs");
        (await ApiClient.ReadJsonAsync(await guest.GetAsync("/api/v1/products/3"))).GetProperty("available").GetInt32().Should().Be(1);
    }

    private static async Task<JsonElement> ListAsync(ApiClient app, string query)
    {
        using var response = await app.GetAsync("/api/v1/products?" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ApiClient.ReadJsonAsync(response);
    }

    private static List<int> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    private static List<long> Prices(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("price").GetInt64()).ToList();
}
