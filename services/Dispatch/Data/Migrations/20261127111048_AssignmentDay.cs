using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CreatedOn",
                table: "Assignments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_StoreId_CreatedOn",
                table: "Assignments",
                columns: new[] { "StoreId", "CreatedOn" });

            // Earlier assignments get the store-local day they were made.
            migrationBuilder.Sql("""
                UPDATE "Assignments" AS a SET "CreatedOn" = (a."CreatedAt" AT TIME ZONE s."TimeZone")::date
                FROM "Stores" AS s WHERE s."Id" = a."StoreId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_StoreId_CreatedOn",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "CreatedOn",
                table: "Assignments");
        }
    }
}
