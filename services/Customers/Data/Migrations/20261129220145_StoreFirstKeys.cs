using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Changes_Customers_CustomerId",
                table: "Changes");

            migrationBuilder.DropForeignKey(
                name: "FK_Dispatches_Customers_CustomerId",
                table: "Dispatches");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Customers_CustomerId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Notes_Customers_CustomerId",
                table: "Notes");

            migrationBuilder.DropForeignKey(
                name: "FK_Visits_Customers_CustomerId",
                table: "Visits");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Visits",
                table: "Visits");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Notes",
                table: "Notes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Customers",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_CustomerNo",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_LeadId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Phone",
                table: "Customers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Changes",
                table: "Changes");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Visits",
                table: "Visits",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Notes",
                table: "Notes",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches",
                columns: new[] { "StoreId", "AssignmentId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Customers",
                table: "Customers",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Changes",
                table: "Changes",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_StoreId_CustomerId",
                table: "Visits",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Notes_StoreId_CustomerId",
                table: "Notes",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_StoreId_CustomerId",
                table: "Milestones",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_StoreId_CustomerId",
                table: "Dispatches",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_CustomerNo",
                table: "Customers",
                columns: new[] { "StoreId", "CustomerNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LeadId",
                table: "Customers",
                columns: new[] { "StoreId", "LeadId" },
                unique: true,
                filter: "\"LeadId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone",
                table: "Customers",
                columns: new[] { "StoreId", "Phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Changes_StoreId_CustomerId",
                table: "Changes",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Changes_Customers_StoreId_CustomerId",
                table: "Changes",
                columns: new[] { "StoreId", "CustomerId" },
                principalTable: "Customers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Dispatches_Customers_StoreId_CustomerId",
                table: "Dispatches",
                columns: new[] { "StoreId", "CustomerId" },
                principalTable: "Customers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Customers_StoreId_CustomerId",
                table: "Milestones",
                columns: new[] { "StoreId", "CustomerId" },
                principalTable: "Customers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Notes_Customers_StoreId_CustomerId",
                table: "Notes",
                columns: new[] { "StoreId", "CustomerId" },
                principalTable: "Customers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Visits_Customers_StoreId_CustomerId",
                table: "Visits",
                columns: new[] { "StoreId", "CustomerId" },
                principalTable: "Customers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Changes_Customers_StoreId_CustomerId",
                table: "Changes");

            migrationBuilder.DropForeignKey(
                name: "FK_Dispatches_Customers_StoreId_CustomerId",
                table: "Dispatches");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Customers_StoreId_CustomerId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Notes_Customers_StoreId_CustomerId",
                table: "Notes");

            migrationBuilder.DropForeignKey(
                name: "FK_Visits_Customers_StoreId_CustomerId",
                table: "Visits");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Visits",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Visits_StoreId_CustomerId",
                table: "Visits");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Notes",
                table: "Notes");

            migrationBuilder.DropIndex(
                name: "IX_Notes_StoreId_CustomerId",
                table: "Notes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_StoreId_CustomerId",
                table: "Milestones");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches");

            migrationBuilder.DropIndex(
                name: "IX_Dispatches_StoreId_CustomerId",
                table: "Dispatches");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Customers",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_CustomerNo",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_LeadId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Phone",
                table: "Customers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Changes",
                table: "Changes");

            migrationBuilder.DropIndex(
                name: "IX_Changes_StoreId_CustomerId",
                table: "Changes");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Visits",
                table: "Visits",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Notes",
                table: "Notes",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Milestones",
                table: "Milestones",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Dispatches",
                table: "Dispatches",
                column: "AssignmentId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Customers",
                table: "Customers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Changes",
                table: "Changes",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_CustomerNo",
                table: "Customers",
                column: "CustomerNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LeadId",
                table: "Customers",
                column: "LeadId",
                unique: true,
                filter: "\"LeadId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone",
                table: "Customers",
                column: "Phone",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Changes_Customers_CustomerId",
                table: "Changes",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Dispatches_Customers_CustomerId",
                table: "Dispatches",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Customers_CustomerId",
                table: "Milestones",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Notes_Customers_CustomerId",
                table: "Notes",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Visits_Customers_CustomerId",
                table: "Visits",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
