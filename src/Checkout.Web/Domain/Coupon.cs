using System.Text.RegularExpressions;

namespace Checkout.Web.Domain;

/// <summary>
/// A coupon: a code (case-insensitive, kept in upper case), what it takes off (<see cref="Terms"/>), when it may be used
/// (from <see cref="ValidFromUtc"/>, until <see cref="ValidUntilUtc"/>: the shop's local days, kept in UTC), how often
/// in all and per shopper, and whether it is switched on. <see cref="Used"/> counts the standing orders that used it:
/// taken with a guarded <c>UPDATE … WHERE Used &lt; UsageLimit</c> in the checkout transaction (the database refuses
/// more), given back when such an order is cancelled.
/// </summary>
public sealed partial class Coupon
{
    public const int MinCodeLength = 3;

    public const int MaxCodeLength = 32;

    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Kind { get; set; } = CouponKinds.Percent;

    /// <summary>For <see cref="CouponKinds.Percent"/>: % of the goods, 1 to 100.</summary>
    public int Percent { get; set; }

    /// <summary>For <see cref="CouponKinds.Fixed"/>: what it takes off the goods.</summary>
    public long AmountTiyn { get; set; }

    public bool FreeDelivery { get; set; }

    /// <summary>The goods subtotal an order needs for it; 0 for any.</summary>
    public long MinSubtotalTiyn { get; set; }

    /// <summary>The first moment it may be used; null: from its creation.</summary>
    public DateTime? ValidFromUtc { get; set; }

    /// <summary>The moment it stops working (the end of its last day); null: no end.</summary>
    public DateTime? ValidUntilUtc { get; set; }

    /// <summary>Uses in all; null: unlimited.</summary>
    public int? UsageLimit { get; set; }

    /// <summary>Uses per shopper; null: unlimited.</summary>
    public int? PerShopperLimit { get; set; } = 1;

    public int Used { get; set; }

    public bool Active { get; set; } = true;

    public DateTime CreatedUtc { get; set; }

    public CouponTerms Terms => new(Kind, Percent, new Money(AmountTiyn), FreeDelivery, new Money(MinSubtotalTiyn));

    /// <summary>The code as stored and compared: trimmed, upper case.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Whether a (normalized) code is one a coupon may have: 3–32 Latin letters, digits, '-' or '_'.</summary>
    public static bool IsWellFormed(string code) => CodePattern().IsMatch(code);

    /// <summary>What stops the coupon at <paramref name="nowUtc"/>, the shopper aside (their own uses are counted in the database).</summary>
    public CouponProblem CheckAt(DateTime nowUtc) =>
        !Active || nowUtc >= ValidUntilUtc ? CouponProblem.Invalid
        : nowUtc < ValidFromUtc ? CouponProblem.NotYetValid
        : UsageLimit is { } limit && Used >= limit ? CouponProblem.UsedUp
        : CouponProblem.None;

    [GeneratedRegex("^[A-Z0-9_-]{3,32}$")]
    private static partial Regex CodePattern();
}
