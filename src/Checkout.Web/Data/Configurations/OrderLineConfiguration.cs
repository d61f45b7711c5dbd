using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.Property(l => l.ProductName).HasMaxLength(Lengths.Name);
        line.Property(l => l.Color).HasMaxLength(Lengths.ShortName);
        line.Property(l => l.Storage).HasMaxLength(Lengths.Storage);
        line.Property(l => l.StoreName).HasMaxLength(Lengths.ShortName);
        line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        line.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
