using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Checkout.Web.Data.Migrations;

/// <summary>Idempotency keys, the transactional outbox and the daily sales counters its handler keeps.</summary>
[DbContext(typeof(ShopDbContext))]
[Migration("20261122040000_OutboxAndIdempotency")]
public sealed partial class OutboxAndIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IdempotentRequests",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                Location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                CreatedUtc = table.Column<string>(type: "TEXT", nullable: false),
                LockedUntilUtc = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IdempotentRequests", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_IdempotentRequests_CreatedUtc", table: "IdempotentRequests", column: "CreatedUtc");
        migrationBuilder.CreateIndex(name: "IX_IdempotentRequests_UserId_Key", table: "IdempotentRequests",
            columns: ["UserId", "Key"], unique: true);

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Handler = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Payload = table.Column<string>(type: "TEXT", nullable: false),
                CreatedUtc = table.Column<string>(type: "TEXT", nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptUtc = table.Column<string>(type: "TEXT", nullable: false),
                LockedUntilUtc = table.Column<string>(type: "TEXT", nullable: true),
                LockToken = table.Column<string>(type: "TEXT", nullable: true),
                ProcessedUtc = table.Column<string>(type: "TEXT", nullable: true),
                DeadLetteredUtc = table.Column<string>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
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
                Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Orders = table.Column<int>(type: "INTEGER", nullable: false),
                Units = table.Column<int>(type: "INTEGER", nullable: false),
                RevenueTiyn = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DailySales", x => x.Day));

        // Orders placed before the outbox: their sales are counted by the worker (a daily-sales message each), but no
        // one is mailed about an old order — its e-mail message is settled as it is written (processed, no attempt).
        foreach (var (handler, processed) in new[] { ("daily-sales", "NULL"), ("email", "o.\"CreatedUtc\"") })
        {
            migrationBuilder.Sql($$"""
                INSERT INTO "OutboxMessages" ("Type", "Handler", "Subject", "Payload", "CreatedUtc", "Attempts", "NextAttemptUtc", "ProcessedUtc")
                SELECT 'order.created', '{{handler}}', o."Number",
                       '{"order_number":"' || o."Number" || '","total_tiyn":' || CAST(o."TotalTiyn" AS TEXT) || '}',
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
