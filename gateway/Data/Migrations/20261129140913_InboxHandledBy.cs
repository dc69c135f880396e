using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Gateway.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxHandledBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HandledBy",
                table: "InboxMessages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandledBy",
                table: "InboxMessages");
        }
    }
}
