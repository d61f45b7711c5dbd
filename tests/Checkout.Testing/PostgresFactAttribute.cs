namespace Checkout.Testing;

/// <summary>A test that needs a PostgreSQL server: skipped with the reason outside CI when none is configured, failing under CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null && !TestDatabase.UnderCi)
        {
            Skip = "No PostgreSQL configured: set CHECKOUT_TEST_POSTGRES (run .ci/postgres-start for a private server).";
        }
    }
}
