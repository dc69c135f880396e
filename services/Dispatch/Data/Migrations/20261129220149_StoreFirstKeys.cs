using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Designers_DesignerId",
                table: "Assignments");

            migrationBuilder.DropForeignKey(
                name: "FK_DesignerHistory_Designers_DesignerId",
                table: "DesignerHistory");

            migrationBuilder.DropForeignKey(
                name: "FK_Duties_Designers_DesignerId",
                table: "Duties");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SettingsChanges",
                table: "SettingsChanges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Duties",
                table: "Duties");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Designers",
                table: "Designers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DesignerHistory",
                table: "DesignerHistory");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustomerFiles",
                table: "CustomerFiles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Assignments",
                table: "Assignments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SettingsChanges",
                table: "SettingsChanges",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Duties",
                table: "Duties",
                columns: new[] { "StoreId", "DesignerId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Designers",
                table: "Designers",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DesignerHistory",
                table: "DesignerHistory",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustomerFiles",
                table: "CustomerFiles",
                columns: new[] { "StoreId", "CustomerId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Assignments",
                table: "Assignments",
                columns: new[] { "StoreId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignerHistory_StoreId_DesignerId",
                table: "DesignerHistory",
                columns: new[] { "StoreId", "DesignerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_StoreId_DesignerId",
                table: "Assignments",
                columns: new[] { "StoreId", "DesignerId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Designers_StoreId_DesignerId",
                table: "Assignments",
                columns: new[] { "StoreId", "DesignerId" },
                principalTable: "Designers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DesignerHistory_Designers_StoreId_DesignerId",
                table: "DesignerHistory",
                columns: new[] { "StoreId", "DesignerId" },
                principalTable: "Designers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Duties_Designers_StoreId_DesignerId",
                table: "Duties",
                columns: new[] { "StoreId", "DesignerId" },
                principalTable: "Designers",
                principalColumns: new[] { "StoreId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Designers_StoreId_DesignerId",
                table: "Assignments");

            migrationBuilder.DropForeignKey(
                name: "FK_DesignerHistory_Designers_StoreId_DesignerId",
                table: "DesignerHistory");

            migrationBuilder.DropForeignKey(
                name: "FK_Duties_Designers_StoreId_DesignerId",
                table: "Duties");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SettingsChanges",
                table: "SettingsChanges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Duties",
                table: "Duties");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Designers",
                table: "Designers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DesignerHistory",
                table: "DesignerHistory");

            migrationBuilder.DropIndex(
                name: "IX_DesignerHistory_StoreId_DesignerId",
                table: "DesignerHistory");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustomerFiles",
                table: "CustomerFiles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Assignments",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_StoreId_DesignerId",
                table: "Assignments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SettingsChanges",
                table: "SettingsChanges",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Duties",
                table: "Duties",
                columns: new[] { "DesignerId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Designers",
                table: "Designers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DesignerHistory",
                table: "DesignerHistory",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustomerFiles",
                table: "CustomerFiles",
                column: "CustomerId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Assignments",
                table: "Assignments",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Designers_DesignerId",
                table: "Assignments",
                column: "DesignerId",
                principalTable: "Designers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DesignerHistory_Designers_DesignerId",
                table: "DesignerHistory",
                column: "DesignerId",
                principalTable: "Designers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Duties_Designers_DesignerId",
                table: "Duties",
                column: "DesignerId",
                principalTable: "Designers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
