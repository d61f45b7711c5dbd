using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class SavedCardConfiguration : IEntityTypeConfiguration<SavedCard>
{
    public void Configure(EntityTypeBuilder<SavedCard> card)
    {
        card.Property(c => c.UserId).HasMaxLength(Lengths.UserId);
        card.Property(c => c.Token).HasMaxLength(Lengths.Name);
        card.Property(c => c.CardType).HasMaxLength(Lengths.ShortName);
        card.Property(c => c.LastFour).HasMaxLength(4);
        card.Property(c => c.ExpDate).HasMaxLength(Lengths.Tag);
        card.HasIndex(c => new { c.UserId, c.Token }).IsUnique();
        card.HasOne<ShopUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
