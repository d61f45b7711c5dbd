using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// Body limits, on a real port (the in-memory server enforces none): a product picture may be up to
/// <c>ProductImages:MaxBytes</c> (2 MB); a bigger one brings the form back with the message and saves nothing; every
/// other form over 16 KB is refused with 413.
/// </summary>
public sealed class UploadLimitTests : IDisposable
{
    private const int MegaByte = 1024 * 1024;

    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegHead = [0xFF, 0xD8, 0xFF, 0xE0];

    private readonly ShopFactory _shop = new();

    public UploadLimitTests()
    {
        _shop.UseKestrel(0);
        _shop.StartServer();
    }

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("phone.png", "image/png", ".png")]
    [InlineData("phone.jpg", "image/jpeg", ".jpg")]
    public async Task A_one_megabyte_picture_uploads(string name, string type, string extension)
    {
        using var admin = await OrderFlows.AdminAsync(_shop);

        var response = await AdminProductsTests.PostMultipartAsync(admin, "/admin/products/2", Picture(extension == ".png" ? PngHead : JpegHead, MegaByte), name, type);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = _shop.OpenDatabase();
        var url = (await db.Products.SingleAsync(p => p.Id == 2)).ImageUrl;
        url.Should().StartWith("/uploads/products/").And.EndWith(extension);
        (await admin.Http.GetByteArrayAsync(new Uri(url, UriKind.Relative))).Should().HaveCount(MegaByte);
    }

    [Fact]
    public async Task A_three_megabyte_picture_brings_the_form_back_with_the_limit_and_saves_nothing()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await AdminProductsTests.PostMultipartAsync(admin, "/admin/products/2", Picture(PngHead, 3 * MegaByte), "big.png", "image/png");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var form = await Shopper.ParseAsync(response);
        form.QuerySelector("form#product-form .validation")!.TextContent.Should().Contain("Сурет 2 МБ-тан аспауы керек");
        form.QuerySelector("input[name='Name']")!.GetAttribute("value").Should().Be("Тест тауары", "what the admin typed comes back");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
        var uploads = Path.Combine(_shop.DataDirectory, "uploads", "products");
        (Directory.Exists(uploads) ? Directory.GetFiles(uploads) : []).Should().BeEmpty("no file is kept");
    }

    [Fact]
    public async Task A_twenty_kilobyte_form_elsewhere_gets_413_and_changes_nothing()
    {
        using var shopper = await _shop.SignedInAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await shopper.PostFormAsync("/cart/add", new Dictionary<string, string>
        {
            ["productId"] = "1", ["quantity"] = "1", ["note"] = new string('x', 20 * 1024),
        });

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    /// <summary>An image's first bytes (all the shop looks at), padded to <paramref name="size"/>.</summary>
    private static byte[] Picture(byte[] head, int size)
    {
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
