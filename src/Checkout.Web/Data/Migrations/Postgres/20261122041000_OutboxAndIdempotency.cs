using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Checkout.Web.Data.Migrations.Postgres;

/// <summary>Idempotency keys, the transactional outbox and the daily sales counters its handler keeps.</summary>
[DbContext(typeof(PostgresShopDbContext))]
[Migration("20261122041000_OutboxAndIdempotency")]
public sealed partial class OutboxAndIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IdempotentRequests",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                StatusCode = table.Column<int>(type: "integer", nullable: true),
                ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                ResponseBody = table.Column<string>(type: "text", nullable: true),
                Location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                LockedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IdempotentRequests", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_IdempotentRequests_CreatedUtc", table: "IdempotentRequests", column: "CreatedUtc");
        migrationBuilder.CreateIndex(name: "IX_IdempotentRequests_UserId_Key", table: "IdempotentRequests",
            columns: ["UserId", "Key"], unique: true);

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Handler = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Payload = table.Column<string>(type: "text", nullable: false),
                CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                Attempts = table.Column<int>(type: "integer", nullable: false),
                NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                LockedUntilUtc = table.Column<DateTime?>(type: "timestamp with time zone", nullable: true),
                LockToken = table.Column<Guid?>(type: "uuid", nullable: true),
                ProcessedUtc = table.Column<DateTime?>(type: "timestamp with time zone", nullable: true),
                DeadLetteredUtc = table.Column<DateTime?>(type: "timestamp with time zone", nullable: true),
                LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_ProcessedUtc_DeadLetteredUtc_NextAttemptUtc", table: "OutboxMessages",
            columns: ["ProcessedUtc", "DeadLetteredUtc", "NextAttemptUtc"]);
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_Type_Handler_Subject", table: "OutboxMessages",
            columns: ["Type", "Handler", "Subject"], unique: true);

        migrationBuilder.CreateTable(
            name: "DailySales",
            columns: table => new
            {
                Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                Orders = table.Column<int>(type: "integer", nullable: false),
                Units = table.Column<int>(type: "integer", nullable: false),
                RevenueTiyn = table.Column<long>(type: "bigint", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DailySales", x => x.Day));

        // Orders placed before the outbox: their sales are counted by the worker (a daily-sales message each), but no
        // one is mailed about an old order — its e-mail message is settled as it is written (processed, no attempt).
        foreach (var (handler, processed) in new[] { ("daily-sales", "NULL"), ("email", "o.\"CreatedUtc\"") })
        {
            migrationBuilder.Sql($$"""
                INSERT INTO "OutboxMessages" ("Type", "Handler", "Subject", "Payload", "CreatedUtc", "Attempts", "NextAttemptUtc", "ProcessedUtc")
                SELECT 'order.created', '{{handler}}', o."Number",
                       '{"order_number":"' || o."Number" || '","total_tiyn":' || CAST(o."TotalTiyn" AS text) || '}',
                       o."CreatedUtc", 0, o."CreatedUtc", {{processed}}
                FROM "Orders" o;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DailySales");
        migrationBuilder.DropTable(name: "OutboxMessages");
        migrationBuilder.DropTable(name: "IdempotentRequests");
    }
}
