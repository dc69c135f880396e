using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockCounts",
                table: "StockCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Signings",
                table: "Signings");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Requisitions",
                table: "Requisitions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Forms",
                table: "Forms");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Designers",
                table: "Designers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Customers",
                table: "Customers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustodyEntries",
                table: "CustodyEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Authorisations",
                table: "Authorisations");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockCounts",
                table: "StockCounts",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Signings",
                table: "Signings",
                columns: new[] { "StoreId", "MilestoneId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Requisitions",
                table: "Requisitions",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Forms",
                table: "Forms",
                columns: new[] { "StoreId", "Serial" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Designers",
                table: "Designers",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Customers",
                table: "Customers",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustodyEntries",
                table: "CustodyEntries",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Authorisations",
                table: "Authorisations",
                columns: new[] { "StoreId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockCounts",
                table: "StockCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Signings",
                table: "Signings");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Requisitions",
                table: "Requisitions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Forms",
                table: "Forms");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Designers",
                table: "Designers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Customers",
                table: "Customers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustodyEntries",
                table: "CustodyEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Authorisations",
                table: "Authorisations");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockCounts",
                table: "StockCounts",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Signings",
                table: "Signings",
                column: "MilestoneId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Requisitions",
                table: "Requisitions",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Forms",
                table: "Forms",
                column: "Serial");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Designers",
                table: "Designers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Customers",
                table: "Customers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustodyEntries",
                table: "CustodyEntries",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Authorisations",
                table: "Authorisations",
                column: "Id");
        }
    }
}
