using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ReferralDistributionConfiguration : IEntityTypeConfiguration<ReferralDistribution>
{
    public void Configure(EntityTypeBuilder<ReferralDistribution> distribution)
    {
        distribution.Property(d => d.OrderNumber).HasMaxLength(Lengths.Code);
        distribution.Property(d => d.BuyerId).HasMaxLength(Lengths.UserId);
        distribution.Property(d => d.Status).HasMaxLength(Lengths.Tag);
        distribution.HasIndex(d => d.OrderNumber).IsUnique(); // one distribution per order, ever
        distribution.HasOne<ShopUser>().WithMany().HasForeignKey(d => d.BuyerId).OnDelete(DeleteBehavior.Restrict);
    }
}
