namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>The fuzz test classes share one shop on a real port (and run one after another, as one class's tests did).</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzWorld>
{
    public const string Name = "Request fuzz";
}
