namespace Checkout.Web.Features.Account;

/// <summary>ASVS L2's password rules: long enough, long passphrases welcome, any script, no composition rules, not a common one.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;

    /// <summary>Long passphrases fit; the bound only keeps the hashing of a request's body small.</summary>
    public const int MaxLength = 256;
}
