using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class OrderVatConfiguration : IEntityTypeConfiguration<OrderVat>
{
    public void Configure(EntityTypeBuilder<OrderVat> vat)
    {
        vat.ToTable("OrderVat");
        vat.HasIndex(v => new { v.OrderId, v.Rate }).IsUnique(); // one amount per rate
    }
}
