using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> cart)
    {
        cart.HasIndex(c => c.UserId).IsUnique();
        cart.HasIndex(c => c.UpdatedUtc);
        cart.HasOne<ShopUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        cart.HasOne<Coupon>().WithMany().HasForeignKey(c => c.CouponId).OnDelete(DeleteBehavior.SetNull);
        cart.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}
