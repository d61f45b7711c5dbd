namespace Checkout.Web.Domain;

/// <summary>A ledger entry: money taken from a card for an order.</summary>
public sealed class Payment
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int CardId { get; set; }

    public long AmountTiyn { get; set; }

    public DateTime CreatedUtc { get; set; }
}
