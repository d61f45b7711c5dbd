using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Checkout.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pricing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VatRate",
                table: "Products",
                type: "integer",
                nullable: false,
                defaultValue: 16);

            migrationBuilder.AddColumn<long>(
                name: "DiscountTiyn",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PointsTiyn",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "VatTiyn",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DiscountTiyn",
                table: "OrderLines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PointsTiyn",
                table: "OrderLines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "VatRate",
                table: "OrderLines",
                type: "integer",
                nullable: false,
                defaultValue: 16);

            migrationBuilder.CreateTable(
                name: "OrderVat",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Rate = table.Column<int>(type: "integer", nullable: false),
                    GrossTiyn = table.Column<long>(type: "bigint", nullable: false),
                    VatTiyn = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderVat", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderVat_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Back-fill (hand-written): orders placed before pricing were all at 16 % with no discount or points; their VAT
            // is the included part of their total, gross × 16 / 116 rounded half up to the tiyn, as Pricing works it out.
            migrationBuilder.Sql("""
                UPDATE "Orders" SET "VatTiyn" = ("TotalTiyn" * 32 + 116) / 232;
                INSERT INTO "OrderVat" ("OrderId", "Rate", "GrossTiyn", "VatTiyn") SELECT "Id", 16, "TotalTiyn", "VatTiyn" FROM "Orders";
                """);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Products_VatRate",
                table: "Products",
                sql: "\"VatRate\" IN (16, 10, 5, 0)");

            migrationBuilder.CreateIndex(
                name: "IX_OrderVat_OrderId_Rate",
                table: "OrderVat",
                columns: new[] { "OrderId", "Rate" },
                unique: true);

            // The defaults above only filled the existing rows: the model has none.
            migrationBuilder.AlterColumn<int>(
                name: "VatRate",
                table: "Products",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 16);

            migrationBuilder.AlterColumn<long>(
                name: "DiscountTiyn",
                table: "Orders",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "PointsTiyn",
                table: "Orders",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "VatTiyn",
                table: "Orders",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "DiscountTiyn",
                table: "OrderLines",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "PointsTiyn",
                table: "OrderLines",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValue: 0L);

            migrationBuilder.AlterColumn<int>(
                name: "VatRate",
                table: "OrderLines",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 16);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderVat");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Products_VatRate",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "VatRate",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "DiscountTiyn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PointsTiyn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "VatTiyn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DiscountTiyn",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "PointsTiyn",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "VatRate",
                table: "OrderLines");
        }
    }
}
