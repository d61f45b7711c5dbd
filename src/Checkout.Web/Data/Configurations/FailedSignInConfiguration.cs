using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class FailedSignInConfiguration : IEntityTypeConfiguration<FailedSignIn>
{
    public void Configure(EntityTypeBuilder<FailedSignIn> failure)
    {
        failure.HasKey(f => new { f.Email, f.ClientAddress });
        failure.Property(f => f.Email).HasMaxLength(Lengths.Email);
        failure.Property(f => f.ClientAddress).HasMaxLength(Lengths.ClientAddress);
        failure.HasIndex(f => f.LastFailureUtc); // stale pairs are deleted by age
    }
}
