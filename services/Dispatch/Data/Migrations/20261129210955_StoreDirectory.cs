using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StorePlacements",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Shard = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Moving = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorePlacements", x => x.StoreId);
                });

            // The stores known before the directory are all in the one database there was: at home.
            migrationBuilder.Sql("""INSERT INTO "StorePlacements" ("StoreId", "Shard", "Moving", "ChangedAt") SELECT "Id", 'home', FALSE, now() FROM "Stores" ON CONFLICT DO NOTHING""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StorePlacements");
        }
    }
}
