using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> entry)
    {
        entry.Property(e => e.UserId).HasMaxLength(Lengths.UserId);
        entry.Property(e => e.OrderNumber).HasMaxLength(Lengths.Code);
        entry.Property(e => e.Kind).HasMaxLength(Lengths.Tag);
        // One entry of each kind per order: points can't be earned, released, spent, returned or taken back twice.
        entry.HasIndex(e => new { e.OrderNumber, e.Kind, e.UserId }).IsUnique(); // the referral kinds pay several shoppers per order
        entry.HasIndex(e => new { e.UserId, e.Id }); // a shopper's history, newest first
        entry.HasOne<ShopUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
