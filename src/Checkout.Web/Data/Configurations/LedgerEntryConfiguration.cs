using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("Payments"); // the ledger's table keeps its first name: no schema change
        entry.Property(p => p.Kind).HasMaxLength(Lengths.Tag);
        // One entry of each kind per order: a second charge or a second refund can't be written, whatever the code does.
        entry.HasIndex(p => new { p.OrderId, p.Kind }).IsUnique();
        entry.HasIndex(p => p.CardId);
        entry.Property(p => p.GatewayTransactionId).HasMaxLength(Lengths.Key);
        entry.HasIndex(p => p.GatewayTransactionId).IsUnique(); // NULLs are distinct on both providers: only online entries meet here
        entry.HasOne<Card>().WithMany().HasForeignKey(p => p.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}
