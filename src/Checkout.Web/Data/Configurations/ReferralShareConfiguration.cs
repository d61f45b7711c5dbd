using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ReferralShareConfiguration : IEntityTypeConfiguration<ReferralShare>
{
    public void Configure(EntityTypeBuilder<ReferralShare> share)
    {
        share.ToTable(t => t.HasCheckConstraint("CK_ReferralShares_Points", "\"Points\" > 0"));
        share.Property(s => s.OrderNumber).HasMaxLength(Lengths.Code);
        share.Property(s => s.Slot).HasMaxLength(Lengths.Tag);
        share.Property(s => s.Beneficiary).HasMaxLength(Lengths.UserId);
        share.HasIndex(s => new { s.OrderNumber, s.Slot, s.Beneficiary }).IsUnique();
        share.HasIndex(s => s.Beneficiary);
        share.HasOne<ReferralDistribution>().WithMany().HasPrincipalKey(d => d.OrderNumber).HasForeignKey(s => s.OrderNumber)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
