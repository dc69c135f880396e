using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<decimal>(
                name: "Completeness",
                table: "Customers",
                type: "numeric(5,4)",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Info",
                table: "Customers",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MetAt",
                table: "Customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredBy",
                table: "Customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RegisteredByName",
                table: "Customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegisteredOn",
                table: "Customers",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "RequestedDesignerId",
                table: "Customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpecialRequest",
                table: "Customers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Changes_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Dispatches",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesignerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dispatches", x => x.AssignmentId);
                    table.ForeignKey(
                        name: "FK_Dispatches_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    DepositKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AreaM2 = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Competitor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notes_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Returning = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_DesignerId",
                table: "Customers",
                column: "DesignerId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name_Trigram",
                table: "Customers",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone_Trigram",
                table: "Customers",
                column: "Phone")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_StoreId_RegisteredOn",
                table: "Customers",
                columns: new[] { "StoreId", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_StoreId_Source_RegisteredAt",
                table: "Customers",
                columns: new[] { "StoreId", "Source", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_StoreId_Stage_RegisteredAt",
                table: "Customers",
                columns: new[] { "StoreId", "Stage", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_CustomerId_ChangedAt",
                table: "Changes",
                columns: new[] { "CustomerId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_CustomerId",
                table: "Dispatches",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_StoreId_DispatchedOn",
                table: "Dispatches",
                columns: new[] { "StoreId", "DispatchedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_CustomerId_At",
                table: "Milestones",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_StoreId_Type_At",
                table: "Milestones",
                columns: new[] { "StoreId", "Type", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Notes_CustomerId_At",
                table: "Notes",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CustomerId",
                table: "Visits",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_StoreId_Channel_On",
                table: "Visits",
                columns: new[] { "StoreId", "Channel", "On" });

            // Customers registered before this version had a name and a phone only: give them the
            // figures every customer now carries, and their first visit in the register of their source.
            migrationBuilder.Sql("""
                UPDATE "Customers" AS c SET
                    "RegisteredOn" = (c."RegisteredAt" AT TIME ZONE s."TimeZone")::date,
                    "Completeness" = round(2.0 / 15, 4),
                    "RegisteredBy" = 'system',
                    "RegisteredByName" = 'system',
                    "MetAt" = CASE WHEN c."Source" IN ('Marketing', 'Partner') THEN NULL ELSE c."RegisteredAt" END,
                    "Stage" = CASE WHEN c."Source" IN ('Marketing', 'Partner') THEN 'AssignedToStore' ELSE c."Stage" END
                FROM "Stores" AS s
                WHERE s."Id" = c."StoreId" AND c."RegisteredBy" = '';

                INSERT INTO "Visits" ("Id", "StoreId", "CustomerId", "Channel", "At", "On", "Returning", "RecordedBy", "RecordedByName")
                SELECT gen_random_uuid(), c."StoreId", c."Id", c."Source", c."RegisteredAt", c."RegisteredOn", false, 'system', 'system'
                FROM "Customers" AS c
                WHERE c."Source" IN ('WalkIn', 'Phone') AND NOT EXISTS (SELECT 1 FROM "Visits" AS v WHERE v."CustomerId" = c."Id");

                INSERT INTO "Dispatches" ("AssignmentId", "StoreId", "CustomerId", "DesignerId", "DesignerName", "DispatchedAt", "DispatchedOn")
                SELECT c."AssignmentId", c."StoreId", c."Id", c."DesignerId", c."DesignerName", c."DispatchedAt", (c."DispatchedAt" AT TIME ZONE s."TimeZone")::date
                FROM "Customers" AS c JOIN "Stores" AS s ON s."Id" = c."StoreId"
                WHERE c."AssignmentId" IS NOT NULL
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Changes");

            migrationBuilder.DropTable(
                name: "Dispatches");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "Notes");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Customers_DesignerId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Name_Trigram",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Phone_Trigram",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_StoreId_RegisteredOn",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_StoreId_Source_RegisteredAt",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_StoreId_Stage_RegisteredAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Completeness",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Info",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "MetAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "RegisteredBy",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "RegisteredByName",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "RegisteredOn",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "RequestedDesignerId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "SpecialRequest",
                table: "Customers");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
