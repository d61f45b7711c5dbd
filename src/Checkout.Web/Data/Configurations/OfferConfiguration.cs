using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> offer)
    {
        offer.HasKey(o => new { o.ProductId, o.StoreId });
        offer.ToTable(t => t.HasCheckConstraint("CK_Offers_Price", "\"PriceTiyn\" > 0"));
        offer.HasOne(o => o.Store).WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
