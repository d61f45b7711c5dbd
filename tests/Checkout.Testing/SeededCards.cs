namespace Checkout.Testing;

/// <summary>The seeded cards tests refer to (ids from seed/users.json).</summary>
public static class SeededCards
{
    public const int DemoKaspiGold = 1;
    public const int DemoHalyk = 2;
    public const int DemoBcc = 3;
    public const int AidosKaspiGold = 4;
}
