using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> orderEvent)
    {
        orderEvent.Property(e => e.FromStatus).HasMaxLength(Lengths.Status);
        orderEvent.Property(e => e.ToStatus).HasMaxLength(Lengths.Status);
        orderEvent.Property(e => e.ActorRole).HasMaxLength(Lengths.Tag);
        orderEvent.Property(e => e.ActorId).HasMaxLength(Lengths.UserId);
        orderEvent.Property(e => e.ActorEmail).HasMaxLength(Lengths.Email);
        orderEvent.Property(e => e.Note).HasMaxLength(Lengths.Note);
        orderEvent.HasIndex(e => e.OrderId);
    }
}
