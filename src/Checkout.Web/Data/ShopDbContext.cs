using Checkout.Web.Domain;
using Checkout.Web.Infrastructure.Idempotency;
using Checkout.Web.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Data;

/// <summary>
/// The shop's database on SQLite (the embedded default); <see cref="PostgresShopDbContext"/> is the same model
/// on PostgreSQL, a type of its own so each provider has its own migrations.
/// </summary>
public class ShopDbContext(DbContextOptions options) : IdentityDbContext<ShopUser>(options)
{
    public DbSet<Store> Stores => Set<Store>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<Card> Cards => Set<Card>();

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<CartLine> CartLines => Set<CartLine>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<StockReservation> StockReservations => Set<StockReservation>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();

    public DbSet<ReturnRequest> Returns => Set<ReturnRequest>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DailySales> DailySales => Set<DailySales>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ShopUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.DeliveryAddress).HasMaxLength(500);
        });

        builder.Entity<Store>(store =>
        {
            store.Property(s => s.Name).HasMaxLength(100);
            store.HasIndex(s => s.Name).IsUnique();
        });

        builder.Entity<Product>(product =>
        {
            product.ToTable(t => t.HasCheckConstraint("CK_Products_Stock", "\"Stock\" >= 0"));
            product.Property(p => p.Name).HasMaxLength(200);
            product.Property(p => p.Color).HasMaxLength(100);
            product.Property(p => p.Storage).HasMaxLength(50);
            product.Property(p => p.Category).HasMaxLength(100);
            product.Property(p => p.Description).HasMaxLength(2000);
            product.Property(p => p.ImageUrl).HasMaxLength(500);
            product.HasMany(p => p.Offers).WithOne().HasForeignKey(o => o.ProductId);
        });

        builder.Entity<Offer>(offer =>
        {
            offer.HasKey(o => new { o.ProductId, o.StoreId });
            offer.ToTable(t => t.HasCheckConstraint("CK_Offers_Price", "\"PriceTiyn\" > 0"));
            offer.HasOne(o => o.Store).WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Card>(card =>
        {
            card.ToTable(t => t.HasCheckConstraint("CK_Cards_Balance", "\"BalanceTiyn\" >= 0"));
            card.Property(c => c.Name).HasMaxLength(100);
            card.HasOne<ShopUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Cart>(cart =>
        {
            cart.HasIndex(c => c.UserId).IsUnique();
            cart.HasIndex(c => c.UpdatedUtc);
            cart.HasOne<ShopUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            cart.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CartLine>(line =>
        {
            line.ToTable(t => t.HasCheckConstraint("CK_CartLines_Quantity", "\"Quantity\" BETWEEN 1 AND 99"));
            line.HasIndex(l => new { l.CartId, l.ProductId }).IsUnique();
            line.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Order>(order =>
        {
            order.Property(o => o.Number).HasMaxLength(32);
            order.Property(o => o.Status).HasMaxLength(32).HasConversion<OrderStatusConverter>();
            order.Property(o => o.PaymentMethod).HasMaxLength(32);
            order.Property(o => o.RecipientName).HasMaxLength(200);
            order.Property(o => o.RecipientPhone).HasMaxLength(50);
            order.Property(o => o.DeliveryAddress).HasMaxLength(500);
            order.HasIndex(o => o.Number).IsUnique();
            order.HasIndex(o => new { o.UserId, o.CreatedUtc });
            order.HasIndex(o => new { o.Status, o.CreatedUtc });
            order.HasOne<ShopUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
            order.HasOne<Card>().WithMany().HasForeignKey(o => o.CardId).OnDelete(DeleteBehavior.Restrict);
            order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
            order.HasMany(o => o.Ledger).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
            order.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
            order.HasMany(o => o.StockMovements).WithOne().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OrderLine>(line =>
        {
            line.Property(l => l.ProductName).HasMaxLength(200);
            line.Property(l => l.Color).HasMaxLength(100);
            line.Property(l => l.Storage).HasMaxLength(50);
            line.Property(l => l.StoreName).HasMaxLength(100);
            line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
            line.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<LedgerEntry>(payment =>
        {
            payment.ToTable("Payments"); // the ledger's table keeps its first name: no schema change
            payment.Property(p => p.Kind).HasMaxLength(16);
            // One entry of each kind per order: a second charge or a second refund can't be written, whatever the code does.
            payment.HasIndex(p => new { p.OrderId, p.Kind }).IsUnique();
            payment.HasIndex(p => p.CardId);
            payment.HasOne<Card>().WithMany().HasForeignKey(p => p.CardId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<IdempotentRequest>(request =>
        {
            request.Property(r => r.UserId).HasMaxLength(450);
            request.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
            request.Property(r => r.RequestHash).HasMaxLength(64);
            request.Property(r => r.ContentType).HasMaxLength(200);
            request.Property(r => r.Location).HasMaxLength(2000);
            request.Property(r => r.Outcome).HasMaxLength(64);
            request.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
            request.HasIndex(r => r.CreatedUtc);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.Property(m => m.Type).HasMaxLength(64);
            message.Property(m => m.Handler).HasMaxLength(64);
            message.Property(m => m.Subject).HasMaxLength(64);
            message.Property(m => m.LastError).HasMaxLength(2000);
            message.HasIndex(m => new { m.Type, m.Handler, m.Subject }).IsUnique();
            message.HasIndex(m => new { m.ProcessedUtc, m.DeadLetteredUtc, m.NextAttemptUtc });
        });

        builder.Entity<DailySales>(day =>
        {
            day.HasKey(d => d.Day);
            day.Property(d => d.Day).HasMaxLength(10);
        });

        builder.Entity<StockReservation>(reservation =>
        {
            reservation.ToTable(t => t.HasCheckConstraint("CK_StockReservations_Quantity", "\"Quantity\" > 0"));
            reservation.HasIndex(r => new { r.CartId, r.ProductId }).IsUnique();
            reservation.HasIndex(r => new { r.ProductId, r.ExpiresUtc });
            reservation.HasIndex(r => r.ExpiresUtc);
            reservation.HasOne<Cart>().WithMany().HasForeignKey(r => r.CartId).OnDelete(DeleteBehavior.Cascade);
            reservation.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StockMovement>(movement =>
        {
            movement.Property(m => m.Reason).HasMaxLength(16);
            movement.HasIndex(m => m.ProductId);
            // A sale or a restock happens once per order and product.
            movement.HasIndex(m => new { m.OrderId, m.ProductId, m.Reason }).IsUnique();
            movement.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OrderEvent>(orderEvent =>
        {
            orderEvent.Property(e => e.FromStatus).HasMaxLength(32);
            orderEvent.Property(e => e.ToStatus).HasMaxLength(32);
            orderEvent.Property(e => e.ActorRole).HasMaxLength(16);
            orderEvent.Property(e => e.ActorId).HasMaxLength(450);
            orderEvent.Property(e => e.ActorEmail).HasMaxLength(256);
            orderEvent.Property(e => e.Note).HasMaxLength(1000);
            orderEvent.HasIndex(e => e.OrderId);
        });

        builder.Entity<ReturnRequest>(request =>
        {
            request.ToTable("Returns");
            request.Property(r => r.Reason).HasMaxLength(ReturnStatus.MaxReasonLength);
            request.Property(r => r.Status).HasMaxLength(16);
            request.Property(r => r.DecidedBy).HasMaxLength(256);
            request.HasIndex(r => r.OrderId).IsUnique();
            request.HasIndex(r => new { r.Status, r.RequestedUtc });
            request.HasOne<Order>().WithOne(o => o.Return).HasForeignKey<ReturnRequest>(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
