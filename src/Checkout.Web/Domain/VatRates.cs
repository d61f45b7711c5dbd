namespace Checkout.Web.Domain;

/// <summary>
/// Kazakhstan's VAT rates (Tax Code in force 2026-01-01): prices include VAT, 16 % unless a product is set to a lower
/// rate; delivery is always at the standard rate.
/// </summary>
public static class VatRates
{
    public const int Standard = 16;

    public const int Delivery = Standard;

    /// <summary>The rates a product may carry, highest first (as the admin's form lists them).</summary>
    public static IReadOnlyList<int> Allowed { get; } = [16, 10, 5, 0];

    public static bool IsAllowed(int rate) => Allowed.Contains(rate);
}
