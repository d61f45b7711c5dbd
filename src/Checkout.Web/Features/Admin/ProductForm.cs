using System.ComponentModel.DataAnnotations;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Admin;

/// <summary>The admin's product form: the catalogue fields, stock, and a price for each store (empty: not sold there).</summary>
public sealed class ProductForm
{
    [Display(Name = "Name")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.Name, ErrorMessage = "FieldTooLong")]
    public string Name { get; set; } = "";

    [Display(Name = "Color")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.ShortName, ErrorMessage = "FieldTooLong")]
    public string Color { get; set; } = "";

    [Display(Name = "Storage")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.Storage, ErrorMessage = "FieldTooLong")]
    public string Storage { get; set; } = "";

    [Display(Name = "Category")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.ShortName, ErrorMessage = "FieldTooLong")]
    public string Category { get; set; } = "";

    [Display(Name = "Description")]
    [StringLength(Lengths.LongText, ErrorMessage = "FieldTooLong")]
    public string? Description { get; set; }

    [Display(Name = "ImageUrl")]
    [StringLength(Lengths.Url, ErrorMessage = "FieldTooLong")]
    public string? ImageUrl { get; set; }

    [Display(Name = "Stock")]
    [Range(0, 1_000_000_000, ErrorMessage = "StockInvalid")]
    public int Stock { get; set; }

    /// <summary>The VAT rate the product's prices include, in %: one of <see cref="VatRates.Allowed"/>.</summary>
    [Display(Name = "VatRate")]
    public int VatRate { get; set; } = VatRates.Standard;

    /// <summary>The stock the form was loaded with: a count changed meanwhile (a sale, a cancel) is not overwritten blindly.</summary>
    public int? ExpectedStock { get; set; }

    public List<StorePrice> Prices { get; set; } = [];
}
