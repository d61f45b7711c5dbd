namespace Checkout.Web.Features.Coupons;

public static class CouponSetup
{
    /// <summary>Coupons on carts (the pages' and the API's), checked and counted again at checkout.</summary>
    public static IServiceCollection AddCoupons(this IServiceCollection services) => services.AddScoped<CouponService>();
}
