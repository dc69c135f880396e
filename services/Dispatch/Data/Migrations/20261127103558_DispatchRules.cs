using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class DispatchRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_DesignerId",
                table: "Assignments");

            migrationBuilder.AddColumn<long>(
                name: "DispatchCount",
                table: "Stores",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LastDispatchSequence",
                table: "Designers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Designers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemovalFlaggedAt",
                table: "Designers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspendedUntil",
                table: "Designers",
                type: "date",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DecidingRule",
                table: "Assignments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "Assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "Assignments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DesignerName",
                table: "Assignments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Assignments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOverride",
                table: "Assignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Assignments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Trace",
                table: "Assignments",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.CreateTable(
                name: "CustomerFiles",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    AreaM2 = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Styles = table.Column<List<string>>(type: "text[]", nullable: false),
                    OffPlan = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedDesignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpecialRequest = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepositPaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProposalAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerFiles", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_CustomerFiles_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DesignerHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignerHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesignerHistory_Designers_DesignerId",
                        column: x => x.DesignerId,
                        principalTable: "Designers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Duties",
                columns: table => new
                {
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnDuty = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Duties", x => new { x.DesignerId, x.Day });
                    table.ForeignKey(
                        name: "FK_Duties_Designers_DesignerId",
                        column: x => x.DesignerId,
                        principalTable: "Designers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    AutoDispatch = table.Column<bool>(type: "boolean", nullable: false),
                    HoldingCap = table.Column<int>(type: "integer", nullable: false),
                    StalledProposalCount = table.Column<int>(type: "integer", nullable: false),
                    StalledProposalDays = table.Column<int>(type: "integer", nullable: false),
                    RefusalSuspensionDays = table.Column<int>(type: "integer", nullable: false),
                    RemovalRefusals = table.Column<int>(type: "integer", nullable: false),
                    RemovalWindowDays = table.Column<int>(type: "integer", nullable: false),
                    BigOrderBudget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    BigOrderArea = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    BigOrderMinLevel = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.StoreId);
                    table.ForeignKey(
                        name: "FK_Settings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DesignerId_Status_DecidedAt",
                table: "Assignments",
                columns: new[] { "DesignerId", "Status", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerFiles_StoreId_DesignerId",
                table: "CustomerFiles",
                columns: new[] { "StoreId", "DesignerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignerHistory_DesignerId_At",
                table: "DesignerHistory",
                columns: new[] { "DesignerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Duties_StoreId_Day",
                table: "Duties",
                columns: new[] { "StoreId", "Day" });

            // Stores and assignments from before the rules: default settings, a trace that says so, and a file
            // for each dispatched customer so that they can be reassigned.
            migrationBuilder.Sql("""
                INSERT INTO "Settings" ("StoreId", "AutoDispatch", "HoldingCap", "StalledProposalCount", "StalledProposalDays", "RefusalSuspensionDays",
                    "RemovalRefusals", "RemovalWindowDays", "BigOrderBudget", "BigOrderArea", "BigOrderMinLevel", "UpdatedAt", "UpdatedBy")
                SELECT s."Id", true, 3, 3, 30, 30, 3, 180, 300000, 150, 3, now(), ''
                FROM "Stores" AS s
                ON CONFLICT DO NOTHING;

                UPDATE "Assignments" AS a SET
                    "Kind" = 'Automatic',
                    "DesignerName" = d."Name",
                    "Trace" = jsonb_build_object('kind', 'Automatic', 'requestedBy', a."RequestedBy", 'at', a."CreatedAt", 'bigOrder', false,
                        'chosenDesignerId', a."DesignerId", 'decidingRule', 'Rotation', 'override', false, 'overrideReason', null,
                        'decision', d."Name" || ': by rotation, dispatched before traces were kept.', 'designers', '[]'::jsonb)
                FROM "Designers" AS d
                WHERE d."Id" = a."DesignerId" AND a."Trace" = '{}'::jsonb;

                -- Rotation counts dispatches: earlier ones are numbered in the order they were made.
                UPDATE "Designers" AS d SET "LastDispatchSequence" = r.n
                FROM (SELECT "Id", row_number() OVER (PARTITION BY "StoreId" ORDER BY "LastDispatchedAt", "Id") AS n
                      FROM "Designers" WHERE "LastDispatchedAt" IS NOT NULL) AS r
                WHERE r."Id" = d."Id";
                UPDATE "Stores" AS s SET "DispatchCount" = coalesce((SELECT max(d."LastDispatchSequence") FROM "Designers" AS d WHERE d."StoreId" = s."Id"), 0);

                INSERT INTO "CustomerFiles" ("CustomerId", "StoreId", "CustomerNo", "Styles", "OffPlan", "DesignerId")
                SELECT DISTINCT ON (a."CustomerId") a."CustomerId", a."StoreId", '', '{}', false,
                    CASE WHEN a."Status" IN ('Offered', 'Accepted') THEN a."DesignerId" END
                FROM "Assignments" AS a
                ORDER BY a."CustomerId", a."CreatedAt" DESC
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerFiles");

            migrationBuilder.DropTable(
                name: "DesignerHistory");

            migrationBuilder.DropTable(
                name: "Duties");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_DesignerId_Status_DecidedAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "DispatchCount",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "LastDispatchSequence",
                table: "Designers");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Designers");

            migrationBuilder.DropColumn(
                name: "RemovalFlaggedAt",
                table: "Designers");

            migrationBuilder.DropColumn(
                name: "SuspendedUntil",
                table: "Designers");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "DesignerName",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "IsOverride",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Trace",
                table: "Assignments");

            migrationBuilder.AlterColumn<string>(
                name: "DecidingRule",
                table: "Assignments",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DesignerId",
                table: "Assignments",
                column: "DesignerId");
        }
    }
}
