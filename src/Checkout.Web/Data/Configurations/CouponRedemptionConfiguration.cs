using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class CouponRedemptionConfiguration : IEntityTypeConfiguration<CouponRedemption>
{
    public void Configure(EntityTypeBuilder<CouponRedemption> redemption)
    {
        redemption.Property(r => r.UserId).HasMaxLength(Lengths.UserId);
        // One per order (the order's one-to-one key), and one per use slot of a shopper where uses per shopper are
        // limited (an unlimited coupon's slot is null, and nulls never collide).
        redemption.HasIndex(r => r.OrderId).IsUnique();
        redemption.HasIndex(r => new { r.CouponId, r.UserId, r.Slot }).IsUnique();
        redemption.HasOne<Coupon>().WithMany().HasForeignKey(r => r.CouponId).OnDelete(DeleteBehavior.Restrict);
        redemption.HasOne<ShopUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
