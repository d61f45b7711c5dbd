using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> attempt)
    {
        attempt.Property(a => a.Kind).HasMaxLength(Lengths.Tag);
        attempt.Property(a => a.InvoiceId).HasMaxLength(Lengths.Code);
        attempt.Property(a => a.TransactionId).HasMaxLength(Lengths.Key);
        attempt.Property(a => a.Note).HasMaxLength(Lengths.Note);
        attempt.HasIndex(a => new { a.OrderId, a.Id });
        attempt.HasIndex(a => a.CreatedUtc);
        attempt.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
