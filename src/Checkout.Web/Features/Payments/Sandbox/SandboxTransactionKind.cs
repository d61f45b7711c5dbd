namespace Checkout.Web.Features.Payments.Sandbox;

public enum SandboxTransactionKind
{
    Payment,
    Refund,
}
