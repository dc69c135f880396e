using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class DayTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RegisteredStage",
                table: "Customers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CompletenessMoves",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sum = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletenessMoves", x => new { x.StoreId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StageMoves",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageMoves", x => new { x.StoreId, x.Day, x.Stage });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_StoreId_Day",
                table: "Milestones",
                columns: new[] { "StoreId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompletenessMoves");

            migrationBuilder.DropTable(
                name: "StageMoves");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_StoreId_Day",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "RegisteredStage",
                table: "Customers");
        }
    }
}
