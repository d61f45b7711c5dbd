using Checkout.Testing.Payments;

namespace Checkout.IntegrationTests.Payments;

/// <summary>One shop with its sandbox for the tests that each pay invoices of their own and answer every notification with code 0.</summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxShop Sandbox { get; } = new();

    public void Dispose() => Sandbox.Dispose();
}
