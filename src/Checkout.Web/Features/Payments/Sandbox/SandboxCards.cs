namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>The sandbox's test cards and what paying with each does; the reason codes are CloudPayments'.</summary>
public static class SandboxCards
{
    public const int Approved = 0;

    /// <summary>Do Not Honor: the issuer declined without saying why.</summary>
    public const int DoNotHonor = 5005;

    /// <summary>The sandbox's code for a payment the shop refused in its answer to the Check notification.</summary>
    public const int RejectedByShop = 5006;

    public const int InsufficientFunds = 5051;

    public static readonly IReadOnlyList<(string Number, SandboxCardOutcome Outcome)> All =
    [
        ("4242424242424242", SandboxCardOutcome.Approved),
        ("4000000000000002", SandboxCardOutcome.Declined),
        ("4000000000009995", SandboxCardOutcome.InsufficientFunds),
    ];

    /// <summary>The outcome of a test card, or null for a number that isn't one.</summary>
    public static SandboxCardOutcome? OutcomeOf(string digits) =>
        All.Where(c => c.Number == digits).Select(c => (SandboxCardOutcome?)c.Outcome).FirstOrDefault();

    /// <summary>The outcome of a card known by its first six and last four digits (a saved card).</summary>
    public static SandboxCardOutcome? OutcomeOf(string firstSix, string lastFour) =>
        All.Where(c => c.Number.StartsWith(firstSix, StringComparison.Ordinal) && c.Number.EndsWith(lastFour, StringComparison.Ordinal))
            .Select(c => (SandboxCardOutcome?)c.Outcome).FirstOrDefault();

    public static (int Code, string Reason) Decline(SandboxCardOutcome outcome) => outcome switch
    {
        SandboxCardOutcome.Declined => (DoNotHonor, "DoNotHonor"),
        SandboxCardOutcome.InsufficientFunds => (InsufficientFunds, "InsufficientFunds"),
        _ => (Approved, "Approved"),
    };

    /// <summary>The card's brand by its first digits, as the notifications name it.</summary>
    public static string TypeOf(string digits) => digits switch
    {
        ['4', ..] => "Visa",
        ['5', ..] or ['2', ..] => "MasterCard",
        ['3', '4' or '7', ..] => "AmericanExpress",
        _ => "Unknown",
    };

    /// <summary>Whether the digits pass the Luhn check every real card number passes.</summary>
    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
