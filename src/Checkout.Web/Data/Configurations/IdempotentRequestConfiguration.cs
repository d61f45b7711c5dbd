using Checkout.Web.Domain;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.Property(r => r.UserId).HasMaxLength(Lengths.UserId);
        request.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
        request.Property(r => r.RequestHash).HasMaxLength(Lengths.Sha256Hex);
        request.Property(r => r.ContentType).HasMaxLength(Lengths.ContentType);
        request.Property(r => r.Location).HasMaxLength(Lengths.LongText);
        request.Property(r => r.Outcome).HasMaxLength(Lengths.Key);
        request.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        request.HasIndex(r => r.CreatedUtc);
    }
}
