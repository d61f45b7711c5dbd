using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Products_Stock", "\"Stock\" >= 0");
            t.HasCheckConstraint("CK_Products_VatRate", $"\"VatRate\" IN ({string.Join(", ", VatRates.Allowed)})");
        });
        product.Property(p => p.Name).HasMaxLength(Lengths.Name);
        product.Property(p => p.Color).HasMaxLength(Lengths.ShortName);
        product.Property(p => p.Storage).HasMaxLength(Lengths.Storage);
        product.Property(p => p.Category).HasMaxLength(Lengths.ShortName);
        product.Property(p => p.Description).HasMaxLength(Lengths.LongText);
        product.Property(p => p.ImageUrl).HasMaxLength(Lengths.Url);
        product.HasMany(p => p.Offers).WithOne().HasForeignKey(o => o.ProductId);
    }
}
