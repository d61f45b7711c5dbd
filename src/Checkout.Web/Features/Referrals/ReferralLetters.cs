namespace Checkout.Web.Features.Referrals;

/// <summary>The ten ranks A…J, stored as 0…9.</summary>
public static class ReferralLetters
{
    public const int Count = 10;

    public const int Top = Count - 1;

    public static string Name(int letter) => ((char)('A' + letter)).ToString();
}
