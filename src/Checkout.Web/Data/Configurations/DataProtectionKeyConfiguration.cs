using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    // The package's entity allows a null Xml; the table has always been NOT NULL and a key is never written without one.
    public void Configure(EntityTypeBuilder<DataProtectionKey> key) => key.Property(k => k.Xml).IsRequired();
}
