using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.Property(o => o.Number).HasMaxLength(Lengths.Code);
        order.Property(o => o.Status).HasMaxLength(Lengths.Status).HasConversion<OrderStatusConverter>();
        order.Property(o => o.PaymentMethod).HasMaxLength(Lengths.Code);
        order.Property(o => o.RecipientName).HasMaxLength(Lengths.Name);
        order.Property(o => o.RecipientPhone).HasMaxLength(Lengths.Phone);
        order.Property(o => o.DeliveryAddress).HasMaxLength(Lengths.Address);
        order.Property(o => o.CouponCode).HasMaxLength(Coupon.MaxCodeLength);
        order.HasIndex(o => o.Number).IsUnique();
        order.HasIndex(o => new { o.UserId, o.CreatedUtc });
        order.HasIndex(o => new { o.Status, o.CreatedUtc });
        order.HasOne<ShopUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Coupon>().WithMany().HasForeignKey(o => o.CouponId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne(o => o.Redemption).WithOne().HasForeignKey<CouponRedemption>(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasOne<Card>().WithMany().HasForeignKey(o => o.CardId).OnDelete(DeleteBehavior.Restrict);
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Ledger).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        order.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Vat).WithOne().HasForeignKey(v => v.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.StockMovements).WithOne().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
