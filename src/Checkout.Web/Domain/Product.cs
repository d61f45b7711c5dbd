namespace Checkout.Web.Domain;

public sealed class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Color { get; set; }

    public required string Storage { get; set; }

    public required string Category { get; set; }

    public string Description { get; set; } = "";

    public required string ImageUrl { get; set; }

    /// <summary>Units on hand; the database refuses a value below zero.</summary>
    public int Stock { get; set; }

    /// <summary>The VAT rate its price includes, in % (<see cref="VatRates.Allowed"/>; 16 unless set lower).</summary>
    public int VatRate { get; set; } = VatRates.Standard;

    public List<Offer> Offers { get; set; } = [];
}
