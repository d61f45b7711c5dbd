using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ShopUserConfiguration : IEntityTypeConfiguration<ShopUser>
{
    public void Configure(EntityTypeBuilder<ShopUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(Lengths.Name);
        user.Property(u => u.DeliveryAddress).HasMaxLength(Lengths.Address);
    }
}
