using System.Text.RegularExpressions;

namespace Checkout.Web.Features.Admin;

/// <summary>
/// Product pictures uploaded by admins, kept in the data folder (<c>uploads/products</c>) and served under
/// <c>/uploads</c>. Only PNG, JPEG and WebP, recognised by their first bytes; never SVG, which can carry script.
/// </summary>
public sealed partial class ProductImages(string uploadDirectory, long maxBytes)
{
    public const string RequestPath = "/uploads";

    public string Directory { get; } = uploadDirectory;

    /// <summary>The biggest picture accepted (<c>ProductImages:MaxBytes</c>).</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>Saves the upload and returns its URL, or null when it isn't an image we accept (nothing is kept then).</summary>
    public async Task<string?> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            return null;
        }

        var head = new byte[12];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var extension = head switch
        {
            [0x89, 0x50, 0x4E, 0x47, ..] => ".png",
            [0xFF, 0xD8, 0xFF, ..] => ".jpg",
            [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50] => ".webp",
            _ => null,
        };
        if (extension is null)
        {
            return null;
        }

        var folder = Path.Combine(Directory, "products");
        System.IO.Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        await using (var target = File.Create(Path.Combine(folder, name)))
        {
            await file.CopyToAsync(target, ct);
        }

        return $"{RequestPath}/products/{name}";
    }

    /// <summary>
    /// A picture URL is one of the shop's own: a file name in <c>/images/products/</c> or <c>/uploads/products/</c>, in
    /// letters, digits, <c>.-_</c>. Nothing else passes (no other origin, no <c>//</c> or backslash, no tab or newline
    /// that a browser drops to turn <c>/&#9;/evil.example</c> into <c>//evil.example</c>), so the URL is what it looks like.
    /// </summary>
    public static bool IsShopPicture(string url) => ShopPicture().IsMatch(url);

    [GeneratedRegex(@"^/(?:images|uploads)/products/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:svg|png|jpe?g|webp)\z")]
    private static partial Regex ShopPicture();
}
