using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class AutomaticDispatchLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwaitingDispatchSince",
                table: "CustomerFiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerFiles_StoreId_AwaitingDispatchSince",
                table: "CustomerFiles",
                columns: new[] { "StoreId", "AwaitingDispatchSince" },
                filter: "\"AwaitingDispatchSince\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerFiles_StoreId_AwaitingDispatchSince",
                table: "CustomerFiles");

            migrationBuilder.DropColumn(
                name: "AwaitingDispatchSince",
                table: "CustomerFiles");
        }
    }
}
