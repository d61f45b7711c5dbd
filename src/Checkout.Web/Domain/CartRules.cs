namespace Checkout.Web.Domain;

public static class CartRules
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;

    public static bool IsAllowedQuantity(int quantity) => quantity is >= MinQuantity and <= MaxQuantity;
}
