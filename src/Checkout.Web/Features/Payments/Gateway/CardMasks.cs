namespace Checkout.Web.Features.Payments.Gateway;

public static class CardMasks
{
    /// <summary>A card as a shopper recognises it, e.g. <c>Visa •••• 4242</c>: its brand and last four digits, never more.</summary>
    public static string? Format(string? cardType, string? lastFour) =>
        string.IsNullOrWhiteSpace(lastFour) ? null : $"{(string.IsNullOrWhiteSpace(cardType) ? "Card" : cardType)} •••• {lastFour}";
}
