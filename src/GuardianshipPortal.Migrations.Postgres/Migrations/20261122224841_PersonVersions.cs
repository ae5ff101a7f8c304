using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_Iin",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_Iin",
                table: "Persons",
                column: "Iin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_Iin",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_Iin",
                table: "Persons",
                column: "Iin",
                unique: true);
        }
    }
}
