using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class DailySalesConfiguration : IEntityTypeConfiguration<DailySales>
{
    public void Configure(EntityTypeBuilder<DailySales> day)
    {
        day.HasKey(d => d.Day);
        day.Property(d => d.Day).HasMaxLength(Lengths.Date);
    }
}
