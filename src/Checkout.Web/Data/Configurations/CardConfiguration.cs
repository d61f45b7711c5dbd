using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> card)
    {
        card.ToTable(t => t.HasCheckConstraint("CK_Cards_Balance", "\"BalanceTiyn\" >= 0"));
        card.Property(c => c.Name).HasMaxLength(Lengths.ShortName);
        card.HasOne<ShopUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
