using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> line)
    {
        line.ToTable(t => t.HasCheckConstraint("CK_CartLines_Quantity", "\"Quantity\" BETWEEN 1 AND 99"));
        line.HasIndex(l => new { l.CartId, l.ProductId }).IsUnique();
        line.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
