namespace Checkout.Web.Domain;

/// <summary>Who moves an order: the shopper who owns it, an admin, or the shop itself.</summary>
public static class Actors
{
    public const string Shopper = "shopper";
    public const string Admin = "admin";
    public const string System = "system";
}
