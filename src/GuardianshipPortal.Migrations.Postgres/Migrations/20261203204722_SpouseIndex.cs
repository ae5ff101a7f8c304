using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SpouseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_SpouseId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SpouseId",
                table: "Cases",
                column: "SpouseId",
                filter: "\"SpouseId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_SpouseId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SpouseId",
                table: "Cases",
                column: "SpouseId");
        }
    }
}
