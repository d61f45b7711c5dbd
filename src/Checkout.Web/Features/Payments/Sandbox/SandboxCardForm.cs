using System.Globalization;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>The hosted page's card form, as posted.</summary>
public sealed class SandboxCardForm
{
    public string? CardNumber { get; set; }

    public string? CardExpiry { get; set; }

    public string? CardCvc { get; set; }

    public string? CardHolder { get; set; }

    public bool SaveCard { get; set; }

    /// <summary>The card, or the resource keys of what is wrong with the form (nothing is charged then).</summary>
    public (SandboxCardDetails? Card, IReadOnlyList<string> Errors) Read(DateOnly today)
    {
        var errors = new List<string>();
        var digits = new string((CardNumber ?? "").Where(c => c is not (' ' or '-')).ToArray());
        SandboxCardOutcome? outcome = null;
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit) || !SandboxCards.IsLuhnValid(digits))
        {
            errors.Add("Sandbox_CardNumberInvalid");
        }
        else if ((outcome = SandboxCards.OutcomeOf(digits)) is null)
        {
            errors.Add("Sandbox_CardNotTest");
        }

        var expiry = Expiry(CardExpiry);
        if (expiry is null)
        {
            errors.Add("Sandbox_ExpiryInvalid");
        }
        else if (expiry.Value.AddMonths(1) <= today)
        {
            errors.Add("Sandbox_CardExpired");
        }

        var cvc = (CardCvc ?? "").Trim();
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
        {
            errors.Add("Sandbox_CvcInvalid");
        }

        var holder = (CardHolder ?? "").Trim();
        if (holder.Length is 0 or > 100)
        {
            errors.Add("Sandbox_CardHolderRequired");
        }

        return errors.Count > 0 || outcome is null || expiry is null
            ? (null, errors)
            : (new SandboxCardDetails(digits, outcome.Value, expiry.Value.ToString("MM/yy", CultureInfo.InvariantCulture), holder), []);
    }

    /// <summary>The first day of the expiry month from <c>MM/YY</c> (also <c>MM / YY</c>, <c>MMYY</c>).</summary>
    private static DateOnly? Expiry(string? text)
    {
        var digits = new string((text ?? "").Where(c => c is not (' ' or '/')).ToArray());
        return digits.Length == 4 && digits.All(char.IsAsciiDigit)
            && int.Parse(digits[..2], CultureInfo.InvariantCulture) is var month and >= 1 and <= 12
            ? new DateOnly(2000 + int.Parse(digits[2..], CultureInfo.InvariantCulture), month, 1)
            : null;
    }
}
