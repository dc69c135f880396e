using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Tasks",
                table: "Tasks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Problems",
                table: "Problems");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Leads",
                table: "Leads");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FormVersions",
                table: "FormVersions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FollowUps",
                table: "FollowUps");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Duties",
                table: "Duties");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DuplicateLeads",
                table: "DuplicateLeads");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Designers",
                table: "Designers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Customers",
                table: "Customers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Completeness",
                table: "Completeness");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Tasks",
                table: "Tasks",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Problems",
                table: "Problems",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Leads",
                table: "Leads",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_FormVersions",
                table: "FormVersions",
                columns: new[] { "StoreId", "Serial", "At" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_FollowUps",
                table: "FollowUps",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Duties",
                table: "Duties",
                columns: new[] { "StoreId", "DesignerId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DuplicateLeads",
                table: "DuplicateLeads",
                columns: new[] { "StoreId", "LeadId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches",
                columns: new[] { "StoreId", "AssignmentId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Designers",
                table: "Designers",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Customers",
                table: "Customers",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Completeness",
                table: "Completeness",
                columns: new[] { "StoreId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Tasks",
                table: "Tasks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Problems",
                table: "Problems");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Leads",
                table: "Leads");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FormVersions",
                table: "FormVersions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FollowUps",
                table: "FollowUps");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Duties",
                table: "Duties");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DuplicateLeads",
                table: "DuplicateLeads");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Designers",
                table: "Designers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Customers",
                table: "Customers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Completeness",
                table: "Completeness");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Tasks",
                table: "Tasks",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Problems",
                table: "Problems",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Leads",
                table: "Leads",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FormVersions",
                table: "FormVersions",
                columns: new[] { "Serial", "At" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_FollowUps",
                table: "FollowUps",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Duties",
                table: "Duties",
                columns: new[] { "DesignerId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DuplicateLeads",
                table: "DuplicateLeads",
                column: "LeadId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches",
                column: "AssignmentId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Designers",
                table: "Designers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Customers",
                table: "Customers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Completeness",
                table: "Completeness",
                column: "Id");
        }
    }
}
