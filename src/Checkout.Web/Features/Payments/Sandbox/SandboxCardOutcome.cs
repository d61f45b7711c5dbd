namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>What the bank behind a test card answers.</summary>
public enum SandboxCardOutcome
{
    Approved,
    Declined,
    InsufficientFunds,
}
