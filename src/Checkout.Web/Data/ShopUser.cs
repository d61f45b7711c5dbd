using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Data;

public sealed class ShopUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string DeliveryAddress { get; set; } = "";
}
