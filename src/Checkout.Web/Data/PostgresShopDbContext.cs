using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Data;

/// <summary>The shop's model on PostgreSQL; its migrations live in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresShopDbContext(DbContextOptions<PostgresShopDbContext> options) : ShopDbContext(options);
