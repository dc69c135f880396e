using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class MonthTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompletenessMonths",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Sum = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletenessMonths", x => new { x.StoreId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "StageMonths",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageMonths", x => new { x.StoreId, x.Month, x.Stage });
                });

            // A read model made before the day tallies: its customers' registration stage and its tallies, from the facts
            // it already holds (a lead is AssignedToStore until met; a rebuild by replay gives the exact stage).
            migrationBuilder.Sql("""
                UPDATE "Customers" SET "RegisteredStage" = CASE WHEN "Source" IN ('Marketing', 'Partner') THEN 'AssignedToStore' ELSE 'Registered' END
                WHERE "RegisteredStage" = '';
                INSERT INTO "StageMoves" ("StoreId", "Day", "Stage", "Count")
                SELECT "StoreId", day, stage, sum(n) FROM (
                  SELECT c."StoreId", c."RegisteredOn" AS day, c."RegisteredStage" AS stage, 1 AS n FROM "Customers" c
                  UNION ALL
                  SELECT m."StoreId", m."Day", lag(m."Stage", 1, c."RegisteredStage") OVER (PARTITION BY m."CustomerId" ORDER BY m."At", m."Id"), -1
                  FROM "Milestones" m JOIN "Customers" c ON c."Id" = m."CustomerId"
                  UNION ALL
                  SELECT m."StoreId", m."Day", m."Stage", 1 FROM "Milestones" m) moves
                WHERE NOT EXISTS (SELECT 1 FROM "StageMoves") GROUP BY 1, 2, 3;
                INSERT INTO "CompletenessMoves" ("StoreId", "Day", "Sum", "Customers")
                SELECT f."StoreId", (f."At" AT TIME ZONE s."TimeZone")::date, sum(f.delta), sum(f.first) FROM (
                  SELECT "StoreId", "At", "Rate" - lag("Rate", 1, 0) OVER (PARTITION BY "CustomerId" ORDER BY "At") AS delta,
                         CASE WHEN row_number() OVER (PARTITION BY "CustomerId" ORDER BY "At") = 1 THEN 1 ELSE 0 END AS first
                  FROM "Completeness") f JOIN "Stores" s ON s."Id" = f."StoreId"
                WHERE NOT EXISTS (SELECT 1 FROM "CompletenessMoves") GROUP BY 1, 2;
                INSERT INTO "StageMonths" ("StoreId", "Month", "Stage", "Count")
                SELECT "StoreId", date_trunc('month', "Day")::date, "Stage", sum("Count") FROM "StageMoves" GROUP BY 1, 2, 3;
                INSERT INTO "CompletenessMonths" ("StoreId", "Month", "Sum", "Customers")
                SELECT "StoreId", date_trunc('month', "Day")::date, sum("Sum"), sum("Customers") FROM "CompletenessMoves" GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompletenessMonths");

            migrationBuilder.DropTable(
                name: "StageMonths");
        }
    }
}
