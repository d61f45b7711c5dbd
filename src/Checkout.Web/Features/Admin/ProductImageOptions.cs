namespace Checkout.Web.Features.Admin;

/// <summary>Configuration section <c>ProductImages</c>: the admin's picture uploads.</summary>
public sealed class ProductImageOptions
{
    public const string Section = "ProductImages";

    /// <summary>The biggest picture accepted (<c>ProductImages:MaxBytes</c>), 2 MB.</summary>
    public long MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The product form's whole request may be four times that: a picture somewhat too big is read and the form comes
    /// back with the limit, instead of a bare 413 that loses what the admin typed.
    /// </summary>
    public long FormMaxBytes => 4 * MaxBytes;
}
