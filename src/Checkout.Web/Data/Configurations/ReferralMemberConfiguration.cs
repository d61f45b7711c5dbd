using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ReferralMemberConfiguration : IEntityTypeConfiguration<ReferralMember>
{
    public void Configure(EntityTypeBuilder<ReferralMember> member)
    {
        member.ToTable(t => t.HasCheckConstraint("CK_ReferralMembers_Letter", "\"Letter\" >= 0 AND \"Letter\" <= 9"));
        member.HasKey(m => m.UserId);
        member.Property(m => m.UserId).HasMaxLength(Lengths.UserId);
        member.Property(m => m.ReferrerId).HasMaxLength(Lengths.UserId);
        member.Property(m => m.Code).HasMaxLength(Lengths.Tag);
        member.Property(m => m.FirstPaidOrderNumber).HasMaxLength(Lengths.Code);
        member.HasIndex(m => m.Code).IsUnique();
        member.HasIndex(m => new { m.ReferrerId, m.Letter }); // a shopper's direct referrals, by letter
        member.HasOne<ShopUser>().WithOne().HasForeignKey<ReferralMember>(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        member.HasOne<ReferralMember>().WithMany().HasForeignKey(m => m.ReferrerId).OnDelete(DeleteBehavior.Restrict);
    }
}
