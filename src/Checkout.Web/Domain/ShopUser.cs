using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Domain;

public sealed class ShopUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string DeliveryAddress { get; set; } = "";
}
