using System.Globalization;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// Amounts as the gateway writes them: tenge with two decimals in the invariant culture (<c>1853480.00</c>,
/// <c>0.01</c>), to and from <see cref="Money"/> exactly — a value with a fraction of a tiyn is refused, never rounded.
/// </summary>
public static class TengeAmount
{
    /// <summary>The one currency the shop charges in (ISO 4217).</summary>
    public const string Currency = "KZT";

    public static string Format(Money amount) => (amount.Tiyn / (decimal)Money.TiynPerTenge).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads <c>1853480</c>, <c>1853480.5</c>, <c>1853480.00</c>: digits with an optional decimal point; no sign,
    /// exponent, grouping or spaces, and nothing smaller than a tiyn.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Money amount)
    {
        amount = Money.Zero;
        if (text.IsEmpty || text.Length > 30
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tenge))
        {
            return false;
        }

        var tiyn = tenge * Money.TiynPerTenge;
        if (tiyn != decimal.Truncate(tiyn) || tiyn > long.MaxValue)
        {
            return false;
        }

        amount = new Money((long)tiyn);
        return true;
    }
}
