using System.Globalization;

namespace Checkout.Web.Domain;

/// <summary>An amount of Kazakhstani tenge held in tiyn (1 ₸ = 100 tiyn), so sums are exact.</summary>
public readonly record struct Money(long Tiyn) : IComparable<Money>
{
    public const long TiynPerTenge = 100;

    public static readonly Money Zero = new(0);

    public static Money FromTenge(long tenge) => new(checked(tenge * TiynPerTenge));

    /// <summary>Whole tenge, rounded half away from zero — the shop's one rounding rule.</summary>
    public long WholeTenge => (long)Math.Round(Tiyn / (decimal)TiynPerTenge, MidpointRounding.AwayFromZero);

    public static Money operator +(Money a, Money b) => new(checked(a.Tiyn + b.Tiyn));

    public static Money operator -(Money a, Money b) => new(checked(a.Tiyn - b.Tiyn));

    public static Money operator *(Money a, int quantity) => new(checked(a.Tiyn * quantity));

    public static bool operator <(Money a, Money b) => a.Tiyn < b.Tiyn;

    public static bool operator >(Money a, Money b) => a.Tiyn > b.Tiyn;

    public static bool operator <=(Money a, Money b) => a.Tiyn <= b.Tiyn;

    public static bool operator >=(Money a, Money b) => a.Tiyn >= b.Tiyn;

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (sum, next) => sum + next);

    public int CompareTo(Money other) => Tiyn.CompareTo(other.Tiyn);

    /// <summary>
    /// Formats as the shop shows prices: <c>1 853 480 ₸</c> (tiyn shown only when there are any); a refund reads
    /// <c>−361 480 ₸</c> with the minus sign (U+2212), not a hyphen.
    /// </summary>
    public override string ToString()
    {
        var format = new NumberFormatInfo { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NegativeSign = "\u2212" };
        var whole = Tiyn % TiynPerTenge == 0;
        var tenge = Tiyn / (decimal)TiynPerTenge;
        return tenge.ToString(whole ? "#,0" : "#,0.00", format) + " ₸";
    }
}
