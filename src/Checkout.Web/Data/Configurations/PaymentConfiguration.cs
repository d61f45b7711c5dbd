using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.Property(p => p.Kind).HasMaxLength(Lengths.Tag);
        // One entry of each kind per order: a second charge or a second refund can't be written, whatever the code does.
        payment.HasIndex(p => new { p.OrderId, p.Kind }).IsUnique();
        payment.HasIndex(p => p.CardId);
        payment.HasOne<Card>().WithMany().HasForeignKey(p => p.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}
