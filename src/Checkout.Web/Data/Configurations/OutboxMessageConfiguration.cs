using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Type).HasMaxLength(Lengths.Key);
        message.Property(m => m.Handler).HasMaxLength(Lengths.Key);
        message.Property(m => m.Subject).HasMaxLength(Lengths.Key);
        message.Property(m => m.LastError).HasMaxLength(Lengths.LongText);
        message.HasIndex(m => new { m.Type, m.Handler, m.Subject }).IsUnique();
        message.HasIndex(m => new { m.ProcessedUtc, m.DeadLetteredUtc, m.NextAttemptUtc });
    }
}
