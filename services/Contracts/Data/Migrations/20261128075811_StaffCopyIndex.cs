using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffCopyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Staff_StoreId_Role",
                table: "Staff",
                columns: new[] { "StoreId", "Role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Staff_StoreId_Role",
                table: "Staff");
        }
    }
}
