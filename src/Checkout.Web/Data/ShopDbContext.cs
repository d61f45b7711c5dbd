using Checkout.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Data;

/// <summary>
/// The shop's database on SQLite (the embedded default); <see cref="PostgresShopDbContext"/> is the same model
/// on PostgreSQL, a type of its own so each provider has its own migrations. It also holds the data-protection keys,
/// so every instance signs and reads the same auth cookies and antiforgery tokens.
/// </summary>
public class ShopDbContext(DbContextOptions options) : IdentityDbContext<ShopUser>(options), IDataProtectionKeyContext
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

    public DbSet<FailedSignIn> FailedSignIns => Set<FailedSignIn>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Coupon> Coupons => Set<Coupon>();

    public DbSet<CouponRedemption> CouponRedemptions => Set<CouponRedemption>();

    public DbSet<PointsBalance> PointsBalances => Set<PointsBalance>();

    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();

    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();

    public DbSet<ReferralMember> ReferralMembers => Set<ReferralMember>();

    public DbSet<ReferralAccount> ReferralAccounts => Set<ReferralAccount>();

    public DbSet<ReferralDistribution> ReferralDistributions => Set<ReferralDistribution>();

    public DbSet<ReferralShare> ReferralShares => Set<ReferralShare>();

    public DbSet<SavedCard> SavedCards => Set<SavedCard>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // One IEntityTypeConfiguration per entity, in Data/Configurations.
        builder.ApplyConfigurationsFromAssembly(typeof(ShopDbContext).Assembly);
    }
}
