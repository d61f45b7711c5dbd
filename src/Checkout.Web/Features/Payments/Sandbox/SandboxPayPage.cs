namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>The hosted page: the invoice, the form as posted (never the CVC) and what is wrong with it.</summary>
public sealed record SandboxPayPage(SandboxOrder Order, SandboxCardForm Form, IReadOnlyList<string> Errors);
