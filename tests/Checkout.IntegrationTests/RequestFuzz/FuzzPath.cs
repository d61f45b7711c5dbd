namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>A path to post to: the route's own, or one with a hostile <paramref name="Value"/> in its parameters.</summary>
internal sealed record FuzzPath(string Path, bool Hostile, string Value);
