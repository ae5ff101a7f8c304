using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QueueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases",
                columns: new[] { "AssigneeId", "Step", "OfficeId" },
                filter: "\"Step\" <> 6");

            migrationBuilder.Sql(GuardianshipPortal.Domain.Cases.Case.QueueIndexSql(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Queue",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases",
                column: "AssigneeId",
                filter: "\"Step\" <> 6");
        }
    }
}
