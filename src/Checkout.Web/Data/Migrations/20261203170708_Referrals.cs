using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Checkout.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PointsEntries_OrderNumber_Kind",
                table: "PointsEntries");

            migrationBuilder.CreateTable(
                name: "ReferralAccounts",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Available = table.Column<long>(type: "INTEGER", nullable: false),
                    Pending = table.Column<long>(type: "INTEGER", nullable: false),
                    Owed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAccounts", x => x.Name);
                    table.CheckConstraint("CK_ReferralAccounts_Available", "\"Available\" >= 0");
                    table.CheckConstraint("CK_ReferralAccounts_Owed", "\"Owed\" >= 0");
                    table.CheckConstraint("CK_ReferralAccounts_Pending", "\"Pending\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "ReferralDistributions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BuyerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reward = table.Column<long>(type: "INTEGER", nullable: false),
                    Gift = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SettledUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralDistributions", x => x.Id);
                    table.UniqueConstraint("AK_ReferralDistributions_OrderNumber", x => x.OrderNumber);
                    table.ForeignKey(
                        name: "FK_ReferralDistributions_AspNetUsers_BuyerId",
                        column: x => x.BuyerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralMembers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReferrerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Letter = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstPaidOrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    JoinedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralMembers", x => x.UserId);
                    table.CheckConstraint("CK_ReferralMembers_Letter", "\"Letter\" >= 0 AND \"Letter\" <= 9");
                    table.ForeignKey(
                        name: "FK_ReferralMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferralMembers_ReferralMembers_ReferrerId",
                        column: x => x.ReferrerId,
                        principalTable: "ReferralMembers",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Beneficiary = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralShares", x => x.Id);
                    table.CheckConstraint("CK_ReferralShares_Points", "\"Points\" > 0");
                    table.ForeignKey(
                        name: "FK_ReferralShares_ReferralDistributions_OrderNumber",
                        column: x => x.OrderNumber,
                        principalTable: "ReferralDistributions",
                        principalColumn: "OrderNumber",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ReferralAccounts",
                columns: new[] { "Name", "Available", "Owed", "Pending" },
                values: new object[,]
                {
                    { "pool", 0L, 0L, 0L },
                    { "shop", 0L, 0L, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_OrderNumber_Kind_UserId",
                table: "PointsEntries",
                columns: new[] { "OrderNumber", "Kind", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralDistributions_BuyerId",
                table: "ReferralDistributions",
                column: "BuyerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralDistributions_OrderNumber",
                table: "ReferralDistributions",
                column: "OrderNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMembers_Code",
                table: "ReferralMembers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMembers_ReferrerId_Letter",
                table: "ReferralMembers",
                columns: new[] { "ReferrerId", "Letter" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralShares_Beneficiary",
                table: "ReferralShares",
                column: "Beneficiary");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralShares_OrderNumber_Slot_Beneficiary",
                table: "ReferralShares",
                columns: new[] { "OrderNumber", "Slot", "Beneficiary" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferralAccounts");

            migrationBuilder.DropTable(
                name: "ReferralMembers");

            migrationBuilder.DropTable(
                name: "ReferralShares");

            migrationBuilder.DropTable(
                name: "ReferralDistributions");

            migrationBuilder.DropIndex(
                name: "IX_PointsEntries_OrderNumber_Kind_UserId",
                table: "PointsEntries");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_OrderNumber_Kind",
                table: "PointsEntries",
                columns: new[] { "OrderNumber", "Kind" },
                unique: true);
        }
    }
}
