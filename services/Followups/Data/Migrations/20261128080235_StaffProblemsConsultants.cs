using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Followups.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffProblemsConsultants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProblemAnswerDays",
                table: "Stores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BasicInfoChanges",
                table: "FollowUps",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConsultantId",
                table: "Customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsultantName",
                table: "Customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DesignerId",
                table: "Customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DesignerName",
                table: "Customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesignerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    What = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResolvedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reassignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TasksMoved = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reassignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Staff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: true),
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staff", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_StoreId_CustomerId",
                table: "Problems",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_StoreId_DueOn",
                table: "Problems",
                columns: new[] { "StoreId", "DueOn" },
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reassignments_StoreId_CustomerId",
                table: "Reassignments",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_StoreId_Role",
                table: "Staff",
                columns: new[] { "StoreId", "Role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "Reassignments");

            migrationBuilder.DropTable(
                name: "Staff");

            migrationBuilder.DropColumn(
                name: "ProblemAnswerDays",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "BasicInfoChanges",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "ConsultantId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ConsultantName",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "DesignerId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "DesignerName",
                table: "Customers");
        }
    }
}
