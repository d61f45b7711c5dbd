using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> coupon)
    {
        coupon.ToTable(t =>
        {
            // The database refuses a use past the limit (or a count below zero), whatever the code does.
            t.HasCheckConstraint("CK_Coupons_Used", "\"Used\" >= 0 AND (\"UsageLimit\" IS NULL OR \"Used\" <= \"UsageLimit\")");
            t.HasCheckConstraint("CK_Coupons_Kind", $"\"Kind\" IN ('{CouponKinds.Percent}', '{CouponKinds.Fixed}')");
            t.HasCheckConstraint("CK_Coupons_Amount", "\"Percent\" BETWEEN 0 AND 100 AND \"AmountTiyn\" >= 0 AND \"MinSubtotalTiyn\" >= 0");
        });
        coupon.Property(c => c.Code).HasMaxLength(Coupon.MaxCodeLength);
        coupon.Property(c => c.Kind).HasMaxLength(Lengths.Tag);
        coupon.HasIndex(c => c.Code).IsUnique();
    }
}
