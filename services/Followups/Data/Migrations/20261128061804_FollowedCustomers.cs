using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Followups.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowedCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "Tasks",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SatisfactionFollowUpDays",
                table: "Stores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SiteFollowUpDays",
                table: "Stores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DepositPaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DesignFeePaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QuotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MeasuredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConstructionStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_StoreId_RegisteredOn",
                table: "Customers",
                columns: new[] { "StoreId", "RegisteredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SatisfactionFollowUpDays",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "SiteFollowUpDays",
                table: "Stores");
        }
    }
}
