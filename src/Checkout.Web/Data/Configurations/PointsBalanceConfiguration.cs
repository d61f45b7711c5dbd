using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class PointsBalanceConfiguration : IEntityTypeConfiguration<PointsBalance>
{
    public void Configure(EntityTypeBuilder<PointsBalance> balance)
    {
        balance.ToTable(t =>
        {
            t.HasCheckConstraint("CK_PointsBalances_Available", "\"Available\" >= 0");
            t.HasCheckConstraint("CK_PointsBalances_Pending", "\"Pending\" >= 0");
            t.HasCheckConstraint("CK_PointsBalances_Owed", "\"Owed\" >= 0");
        });
        balance.HasKey(b => b.UserId);
        balance.Property(b => b.UserId).HasMaxLength(Lengths.UserId);
        balance.HasOne<ShopUser>().WithOne().HasForeignKey<PointsBalance>(b => b.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
