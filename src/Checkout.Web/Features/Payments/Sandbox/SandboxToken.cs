namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// A saved card: the token the shop keeps instead of the card, bound to the account it was saved for. Like a real
/// gateway's, the sandbox keeps only the card's first six and last four digits.
/// </summary>
public sealed record SandboxToken(string Token, string AccountId, string CardFirstSix, string CardLastFour, string CardType, string CardExpDate, string CardHolder);
