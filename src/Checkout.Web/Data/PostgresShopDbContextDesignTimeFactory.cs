using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Checkout.Web.Data;

/// <summary>
/// How <c>dotnet ef</c> builds the PostgreSQL context: the provider decides the column types, but no server is
/// needed to add a migration or compare the model with the snapshot, so none is connected to.
/// </summary>
public sealed class PostgresShopDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresShopDbContext>
{
    public PostgresShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresShopDbContext>().UseNpgsql("Host=localhost;Database=checkout").Options);
}
