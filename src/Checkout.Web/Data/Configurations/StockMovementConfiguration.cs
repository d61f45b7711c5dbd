using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> movement)
    {
        movement.Property(m => m.Reason).HasMaxLength(Lengths.Tag);
        movement.HasIndex(m => m.ProductId);
        // A sale or a restock happens once per order and product.
        movement.HasIndex(m => new { m.OrderId, m.ProductId, m.Reason }).IsUnique();
        movement.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
