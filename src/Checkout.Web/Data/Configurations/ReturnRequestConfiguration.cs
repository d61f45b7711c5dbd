using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ReturnRequestConfiguration : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> request)
    {
        request.ToTable("Returns");
        request.Property(r => r.Reason).HasMaxLength(ReturnStatus.MaxReasonLength);
        request.Property(r => r.Status).HasMaxLength(Lengths.Tag);
        request.Property(r => r.DecidedBy).HasMaxLength(Lengths.Email);
        request.HasIndex(r => r.OrderId).IsUnique();
        request.HasIndex(r => new { r.Status, r.RequestedUtc });
        request.HasOne<Order>().WithOne(o => o.Return).HasForeignKey<ReturnRequest>(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
