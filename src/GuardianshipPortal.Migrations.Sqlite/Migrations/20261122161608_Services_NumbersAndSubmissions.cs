using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Services_NumbersAndSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId_Number",
                table: "Cases");

            migrationBuilder.AddColumn<string>(
                name: "SubmissionKey",
                table: "Cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Numbers were unique per office only: give the existing ones their office's code, as new ones have.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Number\" = (SELECT \"Code\" FROM \"Offices\" WHERE \"Offices\".\"Id\" = \"Cases\".\"OfficeId\") || '-' || \"Number\";");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Service_Year_Sequence",
                table: "Cases",
                columns: new[] { "Service", "Year", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubmissionKey",
                table: "Cases",
                column: "SubmissionKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Service_Year_Sequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SubmissionKey",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId_Number",
                table: "Cases",
                columns: new[] { "OfficeId", "Number" },
                unique: true);
        }
    }
}
