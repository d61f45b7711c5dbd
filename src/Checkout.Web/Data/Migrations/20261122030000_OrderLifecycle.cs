using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Checkout.Web.Data.Migrations;

/// <summary>
/// Stock reservations, the stock ledger, order timelines and returns; payments become a ledger of charges,
/// refunds and cash (a kind, and no card for cash). SQLite can't make a column nullable in place, so Payments
/// is rebuilt by hand (copy, drop, rename), the way EF itself rebuilds tables. Existing data carries over:
/// payments are charges, each product's current stock opens its ledger, each order's timeline starts at its state.
/// </summary>
[DbContext(typeof(ShopDbContext))]
[Migration("20261122030000_OrderLifecycle")]
public sealed class OrderLifecycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "StockReservations" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_StockReservations" PRIMARY KEY AUTOINCREMENT,
                "CartId" TEXT NOT NULL,
                "ProductId" INTEGER NOT NULL,
                "Quantity" INTEGER NOT NULL,
                "ExpiresUtc" TEXT NOT NULL,
                CONSTRAINT "CK_StockReservations_Quantity" CHECK ("Quantity" > 0),
                CONSTRAINT "FK_StockReservations_Carts_CartId" FOREIGN KEY ("CartId") REFERENCES "Carts" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_StockReservations_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_StockReservations_CartId_ProductId" ON "StockReservations" ("CartId", "ProductId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_StockReservations_ExpiresUtc" ON "StockReservations" ("ExpiresUtc");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_StockReservations_ProductId_ExpiresUtc" ON "StockReservations" ("ProductId", "ExpiresUtc");""");

        migrationBuilder.Sql("""
            CREATE TABLE "StockMovements" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_StockMovements" PRIMARY KEY AUTOINCREMENT,
                "ProductId" INTEGER NOT NULL,
                "OrderId" INTEGER NULL,
                "Delta" INTEGER NOT NULL,
                "Reason" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                CONSTRAINT "FK_StockMovements_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_StockMovements_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_StockMovements_OrderId_ProductId_Reason" ON "StockMovements" ("OrderId", "ProductId", "Reason");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_StockMovements_ProductId" ON "StockMovements" ("ProductId");""");
        migrationBuilder.Sql("""
            INSERT INTO "StockMovements" ("ProductId", "OrderId", "Delta", "Reason", "CreatedUtc")
            SELECT p."Id", NULL, p."Stock" + COALESCE((SELECT SUM(l."Quantity") FROM "OrderLines" l WHERE l."ProductId" = p."Id"), 0), 'opening', strftime('%Y-%m-%d %H:%M:%f', 'now')
            FROM "Products" p;
            """);
        // The orders placed before this migration took their units out: each gets its sale, so the stock ledger
        // of an upgraded shop replays (opening above = today's stock + what those orders took).
        migrationBuilder.Sql("""
            INSERT INTO "StockMovements" ("ProductId", "OrderId", "Delta", "Reason", "CreatedUtc")
            SELECT l."ProductId", l."OrderId", -SUM(l."Quantity"), 'sale', o."CreatedUtc"
            FROM "OrderLines" l JOIN "Orders" o ON o."Id" = l."OrderId"
            GROUP BY l."ProductId", l."OrderId", o."CreatedUtc";
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "OrderEvents" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_OrderEvents" PRIMARY KEY AUTOINCREMENT,
                "OrderId" INTEGER NOT NULL,
                "FromStatus" TEXT NULL,
                "ToStatus" TEXT NOT NULL,
                "ActorRole" TEXT NOT NULL,
                "ActorId" TEXT NULL,
                "ActorEmail" TEXT NULL,
                "Note" TEXT NULL,
                "CreatedUtc" TEXT NOT NULL,
                CONSTRAINT "FK_OrderEvents_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_OrderEvents_OrderId" ON "OrderEvents" ("OrderId");""");
        migrationBuilder.Sql("""
            INSERT INTO "OrderEvents" ("OrderId", "FromStatus", "ToStatus", "ActorRole", "ActorId", "ActorEmail", "Note", "CreatedUtc")
            SELECT "Id", NULL, "Status", 'system', NULL, NULL, NULL, "CreatedUtc" FROM "Orders";
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "Returns" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Returns" PRIMARY KEY AUTOINCREMENT,
                "OrderId" INTEGER NOT NULL,
                "Reason" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "RequestedUtc" TEXT NOT NULL,
                "DecidedUtc" TEXT NULL,
                "DecidedBy" TEXT NULL,
                CONSTRAINT "FK_Returns_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_Returns_OrderId" ON "Returns" ("OrderId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Returns_Status_RequestedUtc" ON "Returns" ("Status", "RequestedUtc");""");

        migrationBuilder.Sql("""
            CREATE TABLE "ef_temp_Payments" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
                "OrderId" INTEGER NOT NULL,
                "CardId" INTEGER NULL,
                "Kind" TEXT NOT NULL,
                "AmountTiyn" INTEGER NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                CONSTRAINT "FK_Payments_Cards_CardId" FOREIGN KEY ("CardId") REFERENCES "Cards" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Payments_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""
            INSERT INTO "ef_temp_Payments" ("Id", "OrderId", "CardId", "Kind", "AmountTiyn", "CreatedUtc")
            SELECT "Id", "OrderId", "CardId", 'charge', "AmountTiyn", "CreatedUtc" FROM "Payments";
            """);
        migrationBuilder.Sql("""DROP TABLE "Payments";""");
        migrationBuilder.Sql("""ALTER TABLE "ef_temp_Payments" RENAME TO "Payments";""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Payments_CardId" ON "Payments" ("CardId");""");
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_Payments_OrderId_Kind" ON "Payments" ("OrderId", "Kind");""");

        migrationBuilder.Sql("""CREATE INDEX "IX_Orders_Status_CreatedUtc" ON "Orders" ("Status", "CreatedUtc");""");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The order lifecycle migration is not reversible: refunds and cash have no place in the old ledger.");
}
