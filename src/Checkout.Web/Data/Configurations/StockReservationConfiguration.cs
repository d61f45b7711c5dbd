using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> reservation)
    {
        reservation.ToTable(t => t.HasCheckConstraint("CK_StockReservations_Quantity", "\"Quantity\" > 0"));
        reservation.HasIndex(r => new { r.CartId, r.ProductId }).IsUnique();
        reservation.HasIndex(r => new { r.ProductId, r.ExpiresUtc });
        reservation.HasIndex(r => r.ExpiresUtc);
        reservation.HasOne<Cart>().WithMany().HasForeignKey(r => r.CartId).OnDelete(DeleteBehavior.Cascade);
        reservation.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
