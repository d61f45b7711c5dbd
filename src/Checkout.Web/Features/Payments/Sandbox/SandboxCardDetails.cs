namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>A card as the hosted page read it: a test card's digits, its bank's answer, expiry (MM/YY) and holder.</summary>
public sealed record SandboxCardDetails(string Digits, SandboxCardOutcome Outcome, string Expiry, string Holder);
