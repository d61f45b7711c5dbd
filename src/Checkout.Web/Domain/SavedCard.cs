namespace Checkout.Web.Domain;

/// <summary>
/// A bank card a shopper saved while paying online: the gateway's token for it and what the shopper recognises it by
/// (<c>Visa •••• 4242</c>) — never the card's number. Charged with one click through the gateway's token charge.
/// </summary>
public sealed class SavedCard
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The gateway's token: only the gateway can charge it, and only for this shopper's account.</summary>
    public string Token { get; set; } = "";

    public string CardType { get; set; } = "";

    public string LastFour { get; set; } = "";

    /// <summary>The card's expiry as the gateway writes it (<c>12/29</c>).</summary>
    public string? ExpDate { get; set; }

    public DateTime CreatedUtc { get; set; }
}
