using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustodyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "Forms",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AreaM2",
                table: "Forms",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CustomerId",
                table: "Forms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DesignerId",
                table: "Forms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DesignerName",
                table: "Forms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Forms",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpectedReturnAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                table: "Forms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "IssuedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PassedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PassedFromId",
                table: "Forms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassedFromName",
                table: "Forms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassedPurpose",
                table: "Forms",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetrievedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "Forms",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "Forms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Forms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Authorisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustodyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Serial = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StateAfter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExpectedReturnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Designers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Designers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Requisitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Recommended = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requisitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Signings",
                columns: table => new
                {
                    MilestoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signings", x => x.MilestoneId);
                });

            migrationBuilder.CreateTable(
                name: "Staff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: true),
                    DesignerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staff", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Forms_HolderId",
                table: "Forms",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Authorisations_StoreId_UserId",
                table: "Authorisations",
                columns: new[] { "StoreId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEntries_Serial_At",
                table: "CustodyEntries",
                columns: new[] { "Serial", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEntries_StoreId_At",
                table: "CustodyEntries",
                columns: new[] { "StoreId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Requisitions_StoreId_Month",
                table: "Requisitions",
                columns: new[] { "StoreId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Signings_StoreId_SignedAt",
                table: "Signings",
                columns: new[] { "StoreId", "SignedAt" });

            // The custody ledger is append-only, also for anyone with the service's database login.
            migrationBuilder.Sql("""
                CREATE FUNCTION custody_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'The custody ledger is append-only: % is refused.', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER "CustodyEntries_append_only" BEFORE UPDATE OR DELETE ON "CustodyEntries"
                  FOR EACH ROW EXECUTE FUNCTION custody_ledger_is_append_only();
                CREATE TRIGGER "CustodyEntries_no_truncate" BEFORE TRUNCATE ON "CustodyEntries"
                  FOR EACH STATEMENT EXECUTE FUNCTION custody_ledger_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "CustodyEntries_no_truncate" ON "CustodyEntries";
                DROP TRIGGER "CustodyEntries_append_only" ON "CustodyEntries";
                DROP FUNCTION custody_ledger_is_append_only();
                """);

            migrationBuilder.DropTable(
                name: "Authorisations");

            migrationBuilder.DropTable(
                name: "CustodyEntries");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "Designers");

            migrationBuilder.DropTable(
                name: "Requisitions");

            migrationBuilder.DropTable(
                name: "Signings");

            migrationBuilder.DropTable(
                name: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Forms_HolderId",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "Amount",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "AreaM2",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "CustomerId",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "DesignerId",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "DesignerName",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "ExpectedReturnAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "HolderName",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "IssuedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "PassedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "PassedFromId",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "PassedFromName",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "PassedPurpose",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "ReportedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "RetrievedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "ReviewReason",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "Forms");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "Forms");
        }
    }
}
