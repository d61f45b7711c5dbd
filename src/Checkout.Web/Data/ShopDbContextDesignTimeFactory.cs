using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Checkout.Web.Data;

/// <summary>
/// How <c>dotnet ef</c> builds the SQLite context: without starting the shop and without opening a database
/// (adding a migration and comparing the model with the snapshot only need the model).
/// </summary>
public sealed class ShopDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    public ShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite("Data Source=checkout-design-time.db").Options);
}
