namespace Checkout.Web.Domain;

/// <summary>A shopper's saved bank card with a spendable balance.</summary>
public sealed class Card
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Changed only by guarded statements; the database refuses a value below zero.</summary>
    public long BalanceTiyn { get; set; }

    /// <summary>The balance the card was saved with: opening − Σ payments = balance.</summary>
    public long OpeningBalanceTiyn { get; set; }

    public DateTime CreatedUtc { get; set; }

    public Money Balance => new(BalanceTiyn);
}
