using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class CurrentDesignerFromDispatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DesignerId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "DesignerName",
                table: "Customers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
